//! Ticking and unticking: a value in a list is taken out, a value not in it is added at the
//! end. The exam setup's banks and a `multiple` question's options both work this way.

/// Removes `value` from `list` if it is there, else appends it.
pub fn toggle<T: PartialEq>(list: &mut Vec<T>, value: T) {
    match list.iter().position(|v| *v == value) {
        Some(at) => {
            list.remove(at);
        }
        None => list.push(value),
    }
}

#[cfg(test)]
mod tests {
    use super::toggle;

    #[test]
    fn adds_at_the_end_and_removes_in_place() {
        let mut list = vec![3, 1];
        toggle(&mut list, 2);
        assert_eq!(list, [3, 1, 2]);
        toggle(&mut list, 1);
        assert_eq!(list, [3, 2], "the others keep their order");
        toggle(&mut list, 1);
        assert_eq!(list, [3, 2, 1]);
        let mut names = vec!["a".to_owned()];
        toggle(&mut names, "a".to_owned());
        assert!(names.is_empty());
    }
}
