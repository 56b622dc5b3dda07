//! Form fields, parsed once and one way: an
//! `application/x-www-form-urlencoded` body (or a query string) as its
//! pairs in order, repeated names kept (a multi choice, a new round's
//! regions).

pub struct Fields(Vec<(String, String)>);

impl Fields {
    pub fn parse(body: &[u8]) -> Self {
        Fields(
            form_urlencoded::parse(body)
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect(),
        )
    }

    /// The first value of `name`.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.iter().find(|(k, _)| *k == name).map(|(_, v)| v)
    }

    /// Every value of `name`, in order.
    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.iter().filter(move |(k, _)| *k == name).map(|(_, v)| v)
    }

    /// Every field, in order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::Fields;

    #[test]
    fn repeated_fields_are_kept_in_order_and_the_first_is_the_value() {
        let f = Fields::parse(b"region=africa&name=r%201&region=asia&empty=");
        assert_eq!(f.get("region"), Some("africa"));
        assert_eq!(f.all("region").collect::<Vec<_>>(), ["africa", "asia"]);
        assert_eq!(f.get("name"), Some("r 1"));
        assert_eq!(f.get("empty"), Some(""));
        assert_eq!(f.get("missing"), None);
        assert_eq!(f.iter().count(), 4);
    }
}
