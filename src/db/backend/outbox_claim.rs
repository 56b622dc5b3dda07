//! (being moved here: see the module doc of `db::backend`.)
