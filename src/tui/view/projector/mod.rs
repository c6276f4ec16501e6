//! The projector view's layouts, one file per screen: what each screen says, as parts for
//! [`super::stage`], which draws them as big as the room allows.

pub mod change;
pub mod compare;
pub mod overview;
pub mod poll;
pub mod popups;
pub mod question;
pub mod weights;
pub mod welcome;
pub mod whatif;
pub mod why;
