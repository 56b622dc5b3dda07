//! The web consoles (contract §7), for the secretariat and the regional
//! reviewers, behind the session cookie: the page frame every console page
//! shares (`frame`), signing in (`auth`), rounds and their actions
//! (`rounds`), surveys (`surveys`), members (`members`), the audit log
//! (`audit`), and results with their downloads (`results`). Every route
//! goes through `session::authorize`.

pub mod audit;
pub mod auth;
pub mod frame;
pub mod members;
pub mod results;
pub mod rounds;
pub mod surveys;
