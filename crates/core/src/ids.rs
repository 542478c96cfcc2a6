//! Newtype identifiers, so a bank id can never be passed where a question id is expected.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The shape every id in the format must have: lowercase ASCII letters and digits in
/// hyphen-separated groups (`nq35-001`). Easy to type, safe in URLs and storage keys.
pub const ID_PATTERN: &str = "^[a-z0-9]+(-[a-z0-9]+)*$";

/// True when `s` matches [`ID_PATTERN`].
pub fn is_valid_id(s: &str) -> bool {
    !s.is_empty()
        && s.split('-')
            .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

macro_rules! define_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        #[serde(transparent)]
        pub struct $name(
            #[cfg_attr(feature = "schema", schemars(regex(pattern = "^[a-z0-9]+(-[a-z0-9]+)*$")))]
            pub String,
        );

        impl $name {
            /// The id as written in the bank file.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                Self(s.to_owned())
            }
        }
    };
}

define_id!(
    /// Identifies a bank across the catalogue (`nq35-bao-ve-nen-tang-tu-tuong`).
    BankId
);
define_id!(
    /// Identifies a question within its bank (`nq35-001`); stable across edits.
    QuestionId
);
define_id!(
    /// Identifies a source material in `materials.json` (`bcd35-khoi-tw-q2-2024`).
    MaterialId
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_shape() {
        for good in ["a", "nq35-001", "2024", "a-b-c"] {
            assert!(is_valid_id(good), "{good}");
        }
        for bad in ["", "-a", "a-", "a--b", "Nq35", "câu-1", "a_b", "a b", "a/b"] {
            assert!(!is_valid_id(bad), "{bad}");
        }
    }
}
