//! The worker that reads QR codes in camera frames (`ontap-scan-worker`, started by the
//! trainers' page when it scans without `BarcodeDetector`): answers each frame with the texts
//! of the codes found; nothing else.

fn main() {
    ontap_web::platform::qr_worker::serve(|width, height, rgba| {
        ontap_scan::read(width, height, &ontap_scan::grey_from_rgba(rgba))
    });
}
