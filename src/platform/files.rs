//! Files the member downloads or picks: backups and kept-aside data never leave the device
//! except this way.

use wasm_bindgen::{JsCast, JsValue};

/// Offers `text` as a download named `name` (a JSON file, or CSV when the name ends in `.csv`).
pub fn download(name: &str, text: &str) -> Result<(), String> {
    let err = |e: JsValue| super::fetch::describe(&e);
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(if name.ends_with(".csv") { "text/csv;charset=utf-8" } else { "application/json" });
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(err)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(err)?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a").map_err(err)?.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// The text of the first file chosen in the `<input type=file>` with `id`.
pub async fn read_chosen(id: &str) -> Result<String, String> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let input: web_sys::HtmlInputElement =
        document.get_element_by_id(id).ok_or("no file field")?.dyn_into().map_err(|_| "not a file field")?;
    let file = input.files().and_then(|f| f.get(0)).ok_or("Chưa chọn tệp.")?;
    let text = wasm_bindgen_futures::JsFuture::from(file.text()).await.map_err(|e| super::fetch::describe(&e))?;
    text.as_string().ok_or_else(|| "Tệp không phải văn bản.".to_owned())
}

/// A file the member chose or dropped, not read yet.
pub struct PickedFile(web_sys::File);

impl PickedFile {
    /// Its name on the member's device.
    pub fn name(&self) -> String {
        self.0.name()
    }

    /// Its size in bytes.
    pub fn size(&self) -> usize {
        self.0.size() as usize
    }

    /// Its bytes (never decoded here: the checker names a wrong encoding with its position).
    pub async fn bytes(&self) -> Result<Vec<u8>, String> {
        let buffer = wasm_bindgen_futures::JsFuture::from(self.0.array_buffer())
            .await
            .map_err(|e| super::fetch::describe(&e))?;
        Ok(js_sys::Uint8Array::new(&buffer).to_vec())
    }
}

fn file_input(id: &str) -> Option<web_sys::HtmlInputElement> {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
}

fn list(files: Option<web_sys::FileList>) -> Vec<PickedFile> {
    let Some(files) = files else { return Vec::new() };
    (0..files.length()).filter_map(|i| files.get(i)).map(PickedFile).collect()
}

/// The files chosen in the `<input type=file>` with `id`.
pub fn chosen_files(id: &str) -> Vec<PickedFile> {
    list(file_input(id).and_then(|i| i.files()))
}

/// The files dropped by a `drop` event (none when text or a link was dropped).
pub fn dropped_files(ev: &web_sys::DragEvent) -> Vec<PickedFile> {
    list(ev.data_transfer().and_then(|d| d.files()))
}

/// Empties the file field `id`, so choosing the same file again (after editing it) reads it again.
pub fn clear_chosen(id: &str) {
    if let Some(input) = file_input(id) {
        input.set_value("");
    }
}
