//! JSON Schemas of the three file kinds, generated from the Rust types in [`crate::model`].
//! They are committed under `questions/schema/` so editors validate and autocomplete as a
//! trainer types; a test fails when the committed files drift from these.

use crate::model::{Bank, Catalogue, MaterialList};
use schemars::{JsonSchema, generate::SchemaSettings};

/// The schema files: (file name under `questions/schema/`, pretty JSON text with a final newline).
pub fn schema_files() -> Vec<(&'static str, String)> {
    vec![
        ("bank.schema.json", render::<Bank>("Ngân hàng câu hỏi (Ôn tập Nghị quyết), định dạng 1")),
        ("materials.schema.json", render::<MaterialList>("Danh sách tài liệu nguồn (Ôn tập Nghị quyết), định dạng 1")),
        ("catalogue.schema.json", render::<Catalogue>("Danh mục ngân hàng câu hỏi (Ôn tập Nghị quyết), định dạng 1")),
    ]
}

fn render<T: JsonSchema>(title: &str) -> String {
    let generator = SchemaSettings::draft2020_12().into_generator();
    let mut schema = generator.into_root_schema_for::<T>();
    schema.insert("title".into(), title.into());
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema serializes");
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The committed schemas must be exactly what the types generate.
    #[test]
    fn committed_schemas_are_current() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../questions/schema");
        for (name, text) in schema_files() {
            let committed = std::fs::read_to_string(dir.join(name)).unwrap_or_default();
            assert!(
                committed == text,
                "questions/schema/{name} is out of date: run `cargo run -p ontap-cli -- schema --write questions/schema`"
            );
        }
    }

    /// The schema accepts the fields trainers write and forbids unknown ones.
    #[test]
    fn bank_schema_describes_the_format() {
        let files = schema_files();
        let bank: serde_json::Value = serde_json::from_str(&files[0].1).unwrap();
        assert_eq!(bank["additionalProperties"], false);
        let question = &bank["$defs"]["Question"];
        assert_eq!(question["unevaluatedProperties"], false);
        let text = files[0].1.as_str();
        for ty in crate::check::TYPES {
            assert!(text.contains(&format!("\"const\": \"{ty}\"")), "type {ty} in the schema");
        }
    }
}
