//! Any query string as a link: parsing never panics, and the link written for the route it
//! gives opens the same route.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ontap_core::route::Route;

fuzz_target!(|query: &str| {
    let route = Route::parse(query);
    let link = route.to_query();
    assert_eq!(Route::parse(&link), route, "{query:?} → {link:?}");
});
