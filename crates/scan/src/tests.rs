//! Codes drawn as the member's page draws them (the `qrcode` crate at level M, four modules of
//! quiet zone), placed in camera-sized frames, read back.

use super::*;
use ontap_core::draw::Filter;
use ontap_core::result_code::ResultCode;
use ontap_core::route::ExamSpec;
use ontap_core::score::Response;
use qrcode::{Color, EcLevel, QrCode};

/// A member's result code for a 30-question exam: as long as the codes members really show.
fn member_code() -> String {
    let answers = (0..30)
        .map(|i| match i % 4 {
            0 => Some(Response::Choice(vec![i % 4, 1])),
            1 => Some(Response::TrueFalse(i % 3 == 0)),
            2 => Some(Response::Text("Đại hội XIII".into())),
            _ => None,
        })
        .collect();
    ResultCode {
        spec: ExamSpec {
            filter: Filter { banks: vec!["ngay-le-lon".into()], tags: vec![] },
            count: 30,
            minutes: 45,
            pass_percent: 50,
            seed: 987_654_321,
        },
        version: 0xDEAD_BEEF,
        name: "Nguyễn Thị Hương".into(),
        answers,
        started_s: 1_790_000_000,
        taken_s: 1_234,
    }
    .encode()
}

/// A `width` × `height` frame of grey `paper`, with `text`'s QR code drawn at `left`, `top`
/// with `module` pixels per module (fractional: the camera's scale is never whole), dark
/// modules `ink` grey.
struct Scene {
    width: usize,
    height: usize,
    left: f64,
    top: f64,
    module: f64,
    ink: u8,
    paper: u8,
}

impl Scene {
    fn draw(&self, text: &str) -> Vec<u8> {
        let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).expect("fits a QR code");
        let side = code.width();
        let colors = code.to_colors();
        let quiet = 4.0;
        let dark = |x: f64, y: f64| {
            let mx = (x - self.left) / self.module - quiet;
            let my = (y - self.top) / self.module - quiet;
            mx >= 0.0
                && my >= 0.0
                && (mx as usize) < side
                && (my as usize) < side
                && colors[my as usize * side + mx as usize] == Color::Dark
        };
        // Each pixel averages 4 × 4 samples, as a lens blurs module edges.
        let mut frame = vec![0; self.width * self.height];
        for y in 0..self.height {
            for x in 0..self.width {
                let inked =
                    (0..16).filter(|s| dark(x as f64 + (s % 4) as f64 / 4.0, y as f64 + (s / 4) as f64 / 4.0)).count();
                let level = (f64::from(self.paper) * (16 - inked) as f64 + f64::from(self.ink) * inked as f64) / 16.0;
                frame[y * self.width + x] = level.round() as u8;
            }
        }
        frame
    }
}

const CAMERA: Scene = Scene { width: 640, height: 480, left: 150.0, top: 40.0, module: 3.5, ink: 20, paper: 235 };

#[test]
fn a_members_code_is_read_from_a_camera_sized_frame() {
    let code = member_code();
    assert!(code.len() > 150, "a realistic code: {} characters", code.len());
    let frame = CAMERA.draw(&code);
    assert_eq!(read(640, 480, &frame), vec![code]);
}

#[test]
fn a_dim_low_contrast_picture_is_read() {
    let code = member_code();
    let dim = Scene { ink: 70, paper: 150, module: 2.9, left: 33.0, top: 91.0, ..CAMERA };
    assert_eq!(read(640, 480, &dim.draw(&code)), vec![code]);
}

#[test]
fn rgba_pixels_become_grey_levels() {
    let rgba = [255, 255, 255, 255, 0, 0, 0, 255, 255, 0, 0, 0, 0, 255, 0, 9, 0, 0, 255, 1, 7];
    assert_eq!(grey_from_rgba(&rgba), vec![255, 0, 76, 149, 28]);
}

#[test]
fn a_frame_read_through_its_rgba_pixels_gives_the_code() {
    let code = member_code();
    let grey = CAMERA.draw(&code);
    let rgba: Vec<u8> = grey.iter().flat_map(|&g| [g, g, g, 255]).collect();
    assert_eq!(read(640, 480, &grey_from_rgba(&rgba)), vec![code]);
}

#[test]
fn a_frame_without_a_code_gives_nothing() {
    let gradient: Vec<u8> = (0..640 * 480).map(|i| ((i % 640) * 255 / 640) as u8).collect();
    assert!(read(640, 480, &gradient).is_empty());
    let stripes: Vec<u8> = (0..640 * 480).map(|i| if (i / 7) % 2 == 0 { 0 } else { 255 }).collect();
    assert!(read(640, 480, &stripes).is_empty());
}

#[test]
fn sizes_that_do_not_match_the_pixels_are_refused_not_read() {
    let frame = CAMERA.draw(&member_code());
    assert!(read(640, 479, &frame).is_empty());
    assert!(read(0, 0, &[]).is_empty());
    let huge = vec![255; (MAX_SIDE + 1) * 2];
    assert!(read(MAX_SIDE + 1, 2, &huge).is_empty());
}

/// Frames of a member's code at 36 scales from 2.4 to 5.9 pixels per module, at two offsets:
/// a camera held still gives frames like these, a few per second. Most must read (quircs read
/// 57 of 72 when the decoder was chosen; rqrr 47): one read frame is enough.
#[test]
fn most_scales_of_a_members_code_read() {
    let code = member_code();
    let mut read_ok = 0;
    for step in 0..36 {
        for (left, top) in [(10.0, 10.0), (37.3, 21.7)] {
            let scene = Scene { module: 2.4 + f64::from(step) * 0.1, left, top, ..CAMERA };
            let found = read(640, 480, &scene.draw(&code));
            assert!(found.is_empty() || found == vec![code.clone()], "never a wrong text: {found:?}");
            read_ok += usize::from(!found.is_empty());
        }
    }
    assert!(read_ok >= 54, "{read_ok} of 72 frames read");
}
