//! JSON Schemas of the three file kinds, generated from the Rust types in [`crate::model`].
//! They are committed under `questions/schema/` so editors validate and autocomplete as a
//! trainer types; a test fails when the committed files drift from these.

use crate::model::{Bank, Catalogue, MaterialList};
use schemars::{JsonSchema, generate::SchemaSettings};

/// The schema files: (file name under `questions/schema/`, pretty JSON text with a final newline).
pub fn schema_files() -> Vec<(&'static str, String)> {
    vec![
        (
            "bank.schema.json",
            render::<Bank>("Ngân hàng câu hỏi (Ôn tập Nghị quyết), định dạng 1"),
        ),
        (
            "materials.schema.json",
            render::<MaterialList>("Danh sách tài liệu nguồn (Ôn tập Nghị quyết), định dạng 1"),
        ),
        (
            "catalogue.schema.json",
            render::<Catalogue>("Danh mục ngân hàng câu hỏi (Ôn tập Nghị quyết), định dạng 1"),
        ),
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
