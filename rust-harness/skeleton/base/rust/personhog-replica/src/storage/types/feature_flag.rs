//! Hash key override writes return counts; no row types yet.
