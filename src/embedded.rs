//! The files `build.rs` embeds in the binary: the decision data under `data/` and the assets
//! (themes, demo scripts) under `assets/`, each as `(path relative to its folder, text)`.

include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
