//! The trainers' tool as a library: the importers, so tests and fuzz targets can call them
//! without the command line.

pub mod import;
