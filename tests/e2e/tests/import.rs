//! Nhập từ Word, Excel… on the trainers' page (`soan.html?muc=nhap`) in a real browser, with the
//! files trainers make (`crates/import/tests/fixtures/`, written by python-docx and openpyxl): a
//! Word file with answers marked by formatting shows the importer's notes and the one to-do list,
//! and its download is byte for byte what `ontap import` writes (and what `ontap fmt` keeps); an
//! Excel workbook likewise; hostile files (a zip bomb, XML nested too deep, a `.doc`, text of no
//! known format) get the library's Vietnamese words and the page keeps working; a complete file
//! is kept on this device and practised at once; a file imported again with other options (without
//! choosing it again) replaces its result and the bank it kept, never adding a second copy. Every
//! control has a label and is reached with Tab.

use flate2::Crc;
use flate2::write::DeflateEncoder;
use ontap_core::check::{Checked, Lang};
use ontap_core::local::check_local;
use ontap_core::model::Bank;
use ontap_e2e::browser::Browser;
use ontap_e2e::page::{assert_no_horizontal_scroll, drop_file, js, poll, text_of, texts, wait_text};
use ontap_e2e::server::StaticServer;
use ontap_e2e::{dist_dir, repo_root, shipped_report};
use ontap_import::{Converted, Fatal, FormatChoice, Options, Todo, convert};
use serde_json::Value;
use std::io::Write;
use std::path::PathBuf;
use std::time::Duration;
use thirtyfour::prelude::*;

fn fixture(name: &str) -> PathBuf {
    repo_root().join("crates/import/tests/fixtures").join(name)
}

/// What the page computes, computed here with the same library and the same shipped folder.
fn converted(path: &PathBuf, options: &Options) -> Converted {
    let name = path.file_name().unwrap().to_str().unwrap();
    let json_name = format!("{}.json", options.bank_id);
    let report = shipped_report();
    let check = |json: &[u8]| -> Checked<Bank> { check_local(json, &json_name, &report, "questions/") };
    convert(name, &std::fs::read(path).unwrap(), None, options, check).expect("the file imports")
}

/// Opens the import section of the trainers' page, with downloads captured in `window.__download`.
async fn open(server: &StaticServer) -> Browser {
    let b = Browser::start(412, 915).await;
    b.driver.goto(format!("{}soan.html?muc=nhap", server.url())).await.unwrap();
    b.wait_for("#import-file").await;
    js(
        &b,
        "window.__download = null; \
         URL.createObjectURL = blob => { blob.text().then(t => window.__download = { text: t, name: window.__name }); return 'blob:x'; }; \
         HTMLAnchorElement.prototype.click = function () { window.__name = this.download; }; return null",
    )
    .await;
    b
}

/// The file the page offered for download: (name, text).
async fn downloaded(b: &Browser) -> (String, String) {
    for _ in 0..200 {
        let d = js(b, "return window.__download").await;
        if d.is_object() {
            return (d["name"].as_str().unwrap().to_owned(), d["text"].as_str().unwrap().to_owned());
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("nothing was offered for download");
}

/// A zip archive of `entries`, deflated, as Word and Excel write them.
fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let (mut out, mut central) = (Vec::new(), Vec::new());
    for (name, data) in entries {
        let mut deflate = DeflateEncoder::new(Vec::new(), flate2::Compression::default());
        deflate.write_all(data).unwrap();
        let packed = deflate.finish().unwrap();
        let mut crc = Crc::new();
        crc.update(data);
        let offset = out.len() as u32;
        let fields = |out: &mut Vec<u8>| {
            out.extend_from_slice(&20u16.to_le_bytes()); // version needed
            out.extend_from_slice(&0u16.to_le_bytes()); // flags
            out.extend_from_slice(&8u16.to_le_bytes()); // deflate
            out.extend_from_slice(&[0; 4]); // time, date
            out.extend_from_slice(&crc.sum().to_le_bytes());
            out.extend_from_slice(&(packed.len() as u32).to_le_bytes());
            out.extend_from_slice(&(data.len() as u32).to_le_bytes());
            out.extend_from_slice(&(name.len() as u16).to_le_bytes());
            out.extend_from_slice(&0u16.to_le_bytes()); // extra
        };
        out.extend_from_slice(&0x04034b50u32.to_le_bytes());
        fields(&mut out);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(&packed);
        central.extend_from_slice(&0x02014b50u32.to_le_bytes());
        central.extend_from_slice(&20u16.to_le_bytes()); // version made by
        fields(&mut central);
        central.extend_from_slice(&[0; 6]); // comment length, disk, internal attributes
        central.extend_from_slice(&[0; 4]); // external attributes
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name.as_bytes());
    }
    let start = out.len() as u32;
    out.extend_from_slice(&central);
    out.extend_from_slice(&0x06054b50u32.to_le_bytes());
    out.extend_from_slice(&[0; 4]);
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(central.len() as u32).to_le_bytes());
    out.extend_from_slice(&start.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out
}

#[tokio::test]
async fn a_word_file_shows_its_notes_and_todo_list_and_downloads_what_the_cli_writes() {
    let server = StaticServer::start(&dist_dir(), 0);
    let b = open(&server).await;
    let menu = b.wait_for("a[href='?muc=nhap']").await;
    assert_eq!(menu.attr("aria-current").await.unwrap().as_deref(), Some("page"));
    assert_eq!(menu.text().await.unwrap(), "Nhập từ Word, Excel…");
    // The CLI's fixture was written with `--id nq35-word`: the same id, typed in its field.
    b.wait_for("#import-id").await.send_keys("nq35-word").await.unwrap();
    let path = fixture("de-on-tap.docx");
    b.wait_for("#import-file").await.send_keys(path.to_str().unwrap()).await.unwrap();
    let result = ".import-result[data-file='de-on-tap.docx']";
    let verdict = b.wait_for(&format!("{result} .verdict.broken")).await.text().await.unwrap();
    assert!(verdict.contains("chưa dùng được"), "{verdict}");
    let options = Options {
        bank_id: "nq35-word".into(),
        title: None,
        description: None,
        material: None,
        format_choice: FormatChoice::List,
    };
    let expected = converted(&path, &options);
    assert_eq!(
        b.wait_for(&format!("{result} .imported")).await.text().await.unwrap(),
        "Đã nhập 8 câu hỏi từ de-on-tap.docx."
    );

    // The importer's notes, each with its line of the file.
    let notes = texts(&b, &format!("{result} .notes li")).await;
    assert_eq!(notes.len(), expected.read.import.notes.len());
    for (shown, note) in notes.iter().zip(&expected.read.import.notes) {
        assert!(shown.contains(&format!("dòng {}", note.line)) && shown.contains(note.text(Lang::Vi)), "{shown}");
    }
    assert!(notes[0].contains("18 | Đáp án: A"), "the line is shown: {}", notes[0]);
    // One to-do list, not an error per empty field.
    assert_eq!(b.wait_for(&format!("{result} .todo h3")).await.text().await.unwrap(), Todo::heading(Lang::Vi));
    let todo = texts(&b, &format!("{result} .todo li")).await;
    assert_eq!(todo, expected.todo.items(Lang::Vi));
    assert!(todo.iter().any(|t| t.starts_with("trích dẫn nguyên văn (source.quote): 8 câu")), "{todo:?}");
    let besides = b.wait_for(&format!("{result} .todo .besides")).await.text().await.unwrap();
    assert_eq!(besides, expected.besides_todo(Lang::Vi));
    let rest = texts(&b, &format!("{result} .diagnostics:not(.notes) li")).await;
    assert_eq!(rest.len(), expected.rest.len(), "{rest:?}");
    assert!(
        b.all(&format!("{result} a.practice-now")).await.is_empty(),
        "an unfinished bank is not offered for practice"
    );
    assert_eq!(js(&b, "return localStorage.getItem('ontap.local-banks')").await, Value::Null, "nor kept");

    // The download: what `ontap import --id nq35-word de-on-tap.docx` writes (the CLI's own
    // fixture), and what `ontap fmt` would leave as it is.
    b.wait_for(&format!("{result} button.download-json")).await.click().await.unwrap();
    let (name, text) = downloaded(&b).await;
    assert_eq!(name, "nq35-word.json");
    let cli = std::fs::read_to_string(repo_root().join("crates/cli/tests/fixtures/import-docx/expected.txt")).unwrap();
    assert_eq!(text, cli);
    let bank: Bank = serde_json::from_str(&text).unwrap();
    assert_eq!(ontap_core::layout::write_bank(&bank), text);
    b.quit().await;
}

#[tokio::test]
async fn a_workbook_imports_and_hostile_files_get_clear_words_while_the_page_keeps_working() {
    let server = StaticServer::start(&dist_dir(), 0);
    let b = open(&server).await;
    let path = fixture("cau-hoi.xlsx");
    b.wait_for("#import-file").await.send_keys(path.to_str().unwrap()).await.unwrap();
    let result = ".import-result[data-file='cau-hoi.xlsx']";
    b.wait_for(&format!("{result} .verdict")).await;
    let options = Options {
        bank_id: "cau-hoi".into(),
        title: None,
        description: None,
        material: None,
        format_choice: FormatChoice::List,
    };
    let expected = converted(&path, &options);
    let count = expected.count();
    assert_eq!(
        b.wait_for(&format!("{result} .imported")).await.text().await.unwrap(),
        format!("Đã nhập {count} câu hỏi từ cau-hoi.xlsx.")
    );
    assert_eq!(texts(&b, &format!("{result} .notes li")).await.len(), expected.read.import.notes.len());
    assert_eq!(texts(&b, &format!("{result} .todo li")).await, expected.todo.items(Lang::Vi));
    b.wait_for(&format!("{result} button.download-json")).await.click().await.unwrap();
    assert_eq!(downloaded(&b).await, ("cau-hoi.json".to_owned(), expected.json));

    // Hostile files: each refused in the library's words, with nothing else broken.
    let bomb = zip_of(&[("word/document.xml", &vec![b' '; 65 * 1024 * 1024])]);
    assert!(bomb.len() < 200_000, "a small file unpacking to 65 MB: {} B", bomb.len());
    let deep = "<w:p>".repeat(300) + "</w:p>".repeat(300).as_str();
    let cases: [(&str, Vec<u8>, &str); 4] = [
        ("bom.docx", bomb, "Nội dung giải nén vượt quá 64 MB"),
        ("sau.docx", zip_of(&[("word/document.xml", deep.as_bytes())]), "lồng sâu quá 256 tầng"),
        ("cu.doc", b"Cau 1".to_vec(), "Chưa đọc được tệp .doc"),
        ("ghi-chu.txt", "Chỉ là ghi chú.\n".as_bytes().to_vec(), "Không nhận ra định dạng của tệp"),
    ];
    for (name, bytes, words) in cases {
        drop_file(&b, "import-zone", name, &bytes).await;
        let shown =
            b.wait_for(&format!(".import-result[data-file='{name}'] .verdict.broken")).await.text().await.unwrap();
        assert!(shown.starts_with(&format!("Không nhập được {name}: ")) && shown.contains(words), "{shown}");
    }
    // Where the command line would name `--format`, the page names its own list.
    let unknown = b.wait_for(".import-result[data-file='ghi-chu.txt'] .verdict").await.text().await.unwrap();
    let words = Fatal::UnknownFormat { choice: FormatChoice::List }.message(Lang::Vi);
    assert_eq!(unknown, format!("Không nhập được ghi-chu.txt: {words}"));
    assert!(unknown.contains("danh sách “Định dạng”") && !unknown.contains("--format"), "{unknown}");
    // Forced to read it as Word text, the same note says what was not understood.
    let select = b.wait_for("#import-format").await;
    thirtyfour::components::SelectElement::new(&select).await.unwrap().select_by_value("word").await.unwrap();
    drop_file(&b, "import-zone", "ghi-chu.txt", "Chỉ là ghi chú.\n".as_bytes()).await;
    let notes = b.wait_for(".import-result[data-file='ghi-chu.txt'] .notes").await.text().await.unwrap();
    assert!(notes.contains("Không tìm thấy câu hỏi nào trong tệp."), "{notes}");
    // The page still works: the workbook again.
    thirtyfour::components::SelectElement::new(&select).await.unwrap().select_by_value("").await.unwrap();
    b.wait_for("#import-file").await.send_keys(path.to_str().unwrap()).await.unwrap();
    b.wait_for(&format!("{result} .imported")).await;
    b.quit().await;
}

#[tokio::test]
async fn a_complete_file_is_kept_and_practised_at_once_from_the_keyboard() {
    let server = StaticServer::start(&dist_dir(), 0);
    let b = open(&server).await;
    // Every control of the section is labelled.
    for id in ["import-format", "import-id", "import-title", "import-description", "import-material", "import-file"] {
        let label = b.wait_for(&format!("label[for='{id}']")).await.text().await.unwrap();
        assert!(!label.trim().is_empty(), "{id} has a label");
    }
    // Reached with Tab from the menu: the options, then the file field.
    js(&b, "document.querySelector(\"a[href='?muc=nhap']\").focus(); return null").await;
    let mut reached = Vec::new();
    for _ in 0..12 {
        b.driver.active_element().await.unwrap().send_keys(Key::Tab).await.unwrap();
        let id = js(&b, "return document.activeElement.id").await.as_str().unwrap_or_default().to_owned();
        reached.push(id.clone());
        if id == "import-file" {
            break;
        }
    }
    assert_eq!(reached.last().map(String::as_str), Some("import-file"), "{reached:?}");
    for id in ["import-format", "import-id", "import-title", "import-description", "import-material"] {
        assert!(reached.iter().any(|r| r == id), "{id} is reached: {reached:?}");
    }

    // The template trainers fill in (questions/mau-nhap.csv) has everything but the description.
    let description = "Bốn câu mẫu của tệp questions/mau-nhap.csv.";
    b.wait_for("#import-description").await.send_keys(description).await.unwrap();
    let path = repo_root().join("questions/mau-nhap.csv");
    b.wait_for("#import-file").await.send_keys(path.to_str().unwrap()).await.unwrap();
    let result = ".import-result[data-file='mau-nhap.csv']";
    let verdict = b.wait_for(&format!("{result} .verdict.ok")).await.text().await.unwrap();
    assert!(verdict.contains("4 câu hỏi") && verdict.contains("Trên máy này"), "{verdict}");
    assert!(b.all(&format!("{result} .todo")).await.is_empty(), "nothing left to do");
    let options = Options {
        bank_id: "mau-nhap".into(),
        title: None,
        description: Some(description.into()),
        material: None,
        format_choice: FormatChoice::List,
    };
    let expected = converted(&path, &options);
    assert!(expected.checked.value.is_some() && !expected.failed());
    // Kept on this device, listed below, and practised at once.
    let stored = js(&b, "return JSON.parse(localStorage.getItem('ontap.local-banks'))").await;
    assert_eq!(stored["banks"][0]["id"], "mau-nhap");
    assert_eq!(stored["banks"][0]["text"].as_str(), Some(expected.json.as_str()));
    b.wait_for(".local-banks .bank-card[data-local='mau-nhap']").await;
    b.wait_for(&format!("{result} a.practice-now")).await.click().await.unwrap();
    assert_eq!(b.wait_for(".progress").await.text().await.unwrap(), "Câu 1/4");
    b.quit().await;
}

/// The banks kept on this device: (id, text, when added).
async fn stored(b: &Browser) -> Vec<(String, String, i64)> {
    let stored = js(b, "return JSON.parse(localStorage.getItem('ontap.local-banks'))").await;
    let banks = stored["banks"].as_array().cloned().unwrap_or_default();
    let field = |f: &Value, k: &str| f[k].as_str().unwrap().to_owned();
    banks.iter().map(|f| (field(f, "id"), field(f, "text"), f["added_ms"].as_i64().unwrap())).collect()
}

/// The banks kept on this device once they differ from `before`: (id, text).
async fn stored_after(b: &Browser, before: &[(String, String, i64)]) -> Vec<(String, String)> {
    let now = poll("the banks kept to change", || async {
        let now = stored(b).await;
        (now != before).then_some(now)
    })
    .await;
    now.into_iter().map(|(id, text, _)| (id, text)).collect()
}

/// The text of `css` once it contains `want`.
async fn text_with(b: &Browser, css: &str, want: &str) -> String {
    poll(&format!("{css} to contain {want:?}"), || async { text_of(b, css).await.filter(|t| t.contains(want)) }).await
}

#[tokio::test]
async fn a_file_is_imported_again_with_other_options_without_choosing_it_again() {
    let server = StaticServer::start(&dist_dir(), 0);
    let b = open(&server).await;
    let again = "#import-again";
    assert!(!b.wait_for(again).await.is_displayed().await.unwrap(), "nothing to import again yet");
    // The template lacks only its description: imported without one, it is not kept.
    let path = repo_root().join("questions/mau-nhap.csv");
    b.wait_for("#import-file").await.send_keys(path.to_str().unwrap()).await.unwrap();
    let file = "mau-nhap.csv";
    let result = format!(".import-result[data-file='{file}']");
    b.wait_for(&format!("{result} .verdict.broken")).await;
    assert_eq!(js(&b, "return localStorage.getItem('ontap.local-banks')").await, Value::Null);
    let hint = b.wait_for("#import-again-hint").await.text().await.unwrap();
    assert!(hint.starts_with("Đã mở mau-nhap.csv."), "{hint}");

    // The description typed afterwards, then "Nhập lại" from the keyboard: Tab from the file field.
    let description = "Bốn câu mẫu của tệp questions/mau-nhap.csv.";
    b.wait_for("#import-description").await.send_keys(description).await.unwrap();
    js(&b, "document.getElementById('import-file').focus(); return null").await;
    b.driver.action_chain().send_keys(Key::Tab).perform().await.unwrap();
    assert_eq!(js(&b, "return document.activeElement.id").await, "import-again");
    assert_eq!(b.wait_for(again).await.text().await.unwrap(), "Nhập lại với các lựa chọn trên");
    b.driver.action_chain().send_keys(Key::Enter).perform().await.unwrap();
    let verdict = b.wait_for(&format!("{result} .verdict.ok")).await.text().await.unwrap();
    assert!(verdict.contains("4 câu hỏi") && verdict.contains("Trên máy này"), "{verdict}");
    wait_text(&b, "#import-status", "Đã nhập lại mau-nhap.csv với các lựa chọn trên.").await;
    assert_eq!(b.all(".import-result").await.len(), 1, "its result replaced in place");
    assert_eq!(js(&b, "return document.activeElement.id").await, "import-again", "the focus stays");
    let options = |id: &str| Options {
        bank_id: id.into(),
        title: None,
        description: Some(description.into()),
        material: None,
        format_choice: FormatChoice::List,
    };
    let first = converted(&path, &options("mau-nhap"));
    assert_eq!(stored_after(&b, &[]).await, vec![("mau-nhap".to_owned(), first.json)]);

    // Another id: the bank kept by the import before is replaced, not joined by a second copy.
    b.wait_for("#import-id").await.send_keys("mau-nhap-2").await.unwrap();
    let before = stored(&b).await;
    b.wait_for(again).await.click().await.unwrap();
    let second = converted(&path, &options("mau-nhap-2"));
    assert_eq!(stored_after(&b, &before).await, vec![("mau-nhap-2".to_owned(), second.json.clone())]);
    b.wait_for(".local-banks .bank-card[data-local='mau-nhap-2']").await;
    assert!(b.all(".local-banks .bank-card[data-local='mau-nhap']").await.is_empty());
    let download = b.wait_for(&format!("{result} button.download-json")).await.text().await.unwrap();
    assert_eq!(download, "Tải về mau-nhap-2.json", "the result shown is the new import's");
    // The same options again: imported again (kept anew), and storage does not grow.
    let before = stored(&b).await;
    b.wait_for(again).await.click().await.unwrap();
    assert_eq!(stored_after(&b, &before).await, vec![("mau-nhap-2".to_owned(), second.json.clone())]);
    assert_eq!(b.all(".import-result").await.len(), 1);
    assert!(b.all(&format!("{result} .earlier-kept")).await.is_empty(), "kept anew: nothing earlier to mention");
    let kept = stored(&b).await;
    // Without the description it no longer passes: not kept, and the page says the bank kept
    // before is still on the device (as it is).
    let description = b.wait_for("#import-description").await;
    description.focus().await.unwrap();
    b.driver
        .action_chain()
        .key_down(Key::Control)
        .send_keys("a")
        .key_up(Key::Control)
        .send_keys(Key::Backspace)
        .perform()
        .await
        .unwrap();
    assert_eq!(description.prop("value").await.unwrap().as_deref(), Some(""));
    b.wait_for(again).await.click().await.unwrap();
    wait_text(
        &b,
        &format!("{result} .earlier-kept"),
        "Ngân hàng “mau-nhap-2” của lần nhập trước từ tệp này vẫn được giữ trên máy này.",
    )
    .await;
    assert!(!b.all(&format!("{result} .verdict.broken")).await.is_empty());
    assert_eq!(stored(&b).await, kept, "the earlier bank as it was");
    // At 360 px, with the button and its hint shown, nothing scrolls sideways.
    b.emulate_phone(360, 740).await;
    assert!(b.wait_for(again).await.is_displayed().await.unwrap());
    assert_no_horizontal_scroll(&b, "the import section at 360 px").await;
    b.quit().await;
}

#[tokio::test]
async fn a_format_read_wrongly_is_named_in_the_list_and_chosen_there_without_opening_the_file_again() {
    let server = StaticServer::start(&dist_dir(), 0);
    let b = open(&server).await;
    // Moodle GIFT in a .txt: read as GIFT from its content, which the page says in its own terms.
    let (file, text) = ("xuat-moodle.txt", "::Q1::Thủ đô của Việt Nam? {=Hà Nội ~Huế ~Đà Nẵng}\n");
    drop_file(&b, "import-zone", file, text.as_bytes()).await;
    let result = format!(".import-result[data-file='{file}']");
    let options = Options {
        bank_id: "xuat-moodle".into(),
        title: None,
        description: None,
        material: None,
        format_choice: FormatChoice::List,
    };
    let read = ontap_import::import_file(file, text.as_bytes(), None, &options).unwrap();
    let said = read.import.notes.iter().find(|n| n.line == 0).expect("the format read is said").text(Lang::Vi);
    assert!(said.ends_with("Nếu sai, hãy chọn định dạng đúng trong danh sách “Định dạng” rồi nhập lại."), "{said}");
    let notes = b.wait_for(&format!("{result} .notes")).await.text().await.unwrap();
    assert!(notes.contains(said) && !notes.contains("--format"), "{notes}");
    let imported = b.wait_for(&format!("{result} .imported")).await.text().await.unwrap();
    assert_eq!(imported, "Đã nhập 1 câu hỏi từ xuat-moodle.txt.");

    // Chosen as Word text in the list, and imported again: the same file read the other way.
    let select = b.wait_for("#import-format").await;
    thirtyfour::components::SelectElement::new(&select).await.unwrap().select_by_value("word").await.unwrap();
    b.wait_for("#import-again").await.click().await.unwrap();
    let notes = text_with(&b, &format!("{result} .notes"), "Không tìm thấy câu hỏi nào trong tệp.").await;
    assert!(!notes.contains(said), "{notes}");
    let imported = b.wait_for(&format!("{result} .imported")).await.text().await.unwrap();
    assert_eq!(imported, "Đã nhập 0 câu hỏi từ xuat-moodle.txt.");
    assert_eq!(b.all(".import-result").await.len(), 1);
    b.quit().await;
}
