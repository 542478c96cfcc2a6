//! `ontap schema`: writes the JSON Schemas generated from the format's types, or checks that
//! a folder's copies are current.

use crate::Fatal;
use ontap_core::schema::schema_files;
use std::path::PathBuf;
use std::process::ExitCode;

pub fn run(mut args: lexopt::Parser) -> Result<ExitCode, Fatal> {
    use lexopt::prelude::*;
    let mut mode: Option<(bool, PathBuf)> = None;
    while let Some(arg) = args.next()? {
        match arg {
            Long("write") => mode = Some((true, args.value()?.into())),
            Long("check") => mode = Some((false, args.value()?.into())),
            _ => return Err(arg.unexpected().into()),
        }
    }
    let Some((write, dir)) = mode else {
        return Err(Fatal::say(
            "schema cần --write THƯ_MỤC hoặc --check THƯ_MỤC",
            "schema needs --write DIR or --check DIR",
        ));
    };
    let mut stale = Vec::new();
    for (name, text) in schema_files() {
        let path = dir.join(name);
        if write {
            std::fs::create_dir_all(&dir).map_err(|e| Fatal(format!("{}: {e}", dir.display())))?;
            std::fs::write(&path, text).map_err(|e| Fatal(format!("{}: {e}", path.display())))?;
            println!("wrote {}", path.display());
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            stale.push(path.display().to_string());
        }
    }
    if stale.is_empty() {
        Ok(ExitCode::SUCCESS)
    } else {
        eprintln!("out of date (run `ontap schema --write {}`): {}", dir.display(), stale.join(", "));
        Ok(ExitCode::from(1))
    }
}
