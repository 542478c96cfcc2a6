//! Time and randomness from the browser.

/// Milliseconds since the epoch.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// A random seed for a session or an exam draw.
pub fn random_seed() -> u64 {
    let high = (js_sys::Math::random() * 4_294_967_296.0) as u64;
    let low = (js_sys::Math::random() * 4_294_967_296.0) as u64;
    // Kept below 2^53 so the seed survives being read by JavaScript tools from the link.
    ((high << 32) | low) & ((1 << 53) - 1)
}

/// The member's offset from UTC in minutes (Việt Nam: +420), for counting local days.
pub fn utc_offset_minutes() -> i64 {
    -(js_sys::Date::new_0().get_timezone_offset() as i64)
}
