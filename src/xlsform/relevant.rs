//! The XLSForm expression subset of contract §9 (`relevant`, `constraint`,
//! the indicators sheet's `where`, `match` and `components`): a tokenizer
//! and a recursive-descent parser that keep each token's character
//! position, so a mistake is reported at the character where it is.
//!
//! Grammar (`or` binds loosest):
//! ```text
//! or    := and ("or" and)*
//! and   := unary ("and" unary)*
//! unary := "not" "(" or ")" | "(" or ")" | "selected" "(" ref "," string ")" | cmp
//! cmp   := subject ("=" | "!=" | ">=" | "<=" | ">" | "<") literal
//! subject := "${" name "}" | "." | "string-length" "(" "." ")"
//! ```

/// A problem at a character position (1-based) of the expression.
#[derive(Clone, Debug, PartialEq)]
pub struct ExprError {
    pub pos: usize,
    pub message: String,
}

fn err<T>(pos: usize, message: impl Into<String>) -> Result<T, ExprError> {
    Err(ExprError {
        pos,
        message: message.into(),
    })
}

#[derive(Clone, Debug, PartialEq)]
pub enum Subject {
    Question(String),
    /// `.`: the question's own answer (constraints).
    Dot,
    /// `string-length(.)`.
    Length,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Literal {
    Str(String),
    Num(f64),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    Eq,
    Ne,
    Ge,
    Le,
    Gt,
    Lt,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    Cmp {
        subject: Subject,
        op: Op,
        literal: Literal,
        /// Positions of the subject and of the literal.
        pos: usize,
        lit_pos: usize,
    },
    Selected {
        question: String,
        value: String,
        pos: usize,
        lit_pos: usize,
    },
    And(Vec<Expr>),
    Or(Vec<Expr>),
    Not(Box<Expr>),
}

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Ref(String),
    Dot,
    Str(String),
    Num(f64),
    Op(Op),
    Word(String),
    Open,
    Close,
    Comma,
    End,
}

fn describe(t: &Tok) -> String {
    match t {
        Tok::Ref(n) => format!("`${{{n}}}`"),
        Tok::Dot => "`.`".into(),
        Tok::Str(s) => format!("'{s}'"),
        Tok::Num(n) => format!("{n}"),
        Tok::Op(_) => "an operator".into(),
        Tok::Word(w) => format!("`{w}`"),
        Tok::Open => "`(`".into(),
        Tok::Close => "`)`".into(),
        Tok::Comma => "`,`".into(),
        Tok::End => "the end".into(),
    }
}

/// Splits the expression into tokens with their 1-based positions.
fn tokens(src: &str) -> Result<Vec<(Tok, usize)>, ExprError> {
    let chars: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let pos = i + 1;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let (tok, next) = match c {
            '$' => reference(&chars, i)?,
            '\'' | '"' => string(&chars, i)?,
            '(' => (Tok::Open, i + 1),
            ')' => (Tok::Close, i + 1),
            ',' => (Tok::Comma, i + 1),
            '=' => (Tok::Op(Op::Eq), i + 1),
            '!' if chars.get(i + 1) == Some(&'=') => (Tok::Op(Op::Ne), i + 2),
            '>' | '<' => {
                let eq = chars.get(i + 1) == Some(&'=');
                let op = match (c, eq) {
                    ('>', true) => Op::Ge,
                    ('>', false) => Op::Gt,
                    ('<', true) => Op::Le,
                    _ => Op::Lt,
                };
                (Tok::Op(op), i + 1 + usize::from(eq))
            }
            '.' if !chars.get(i + 1).is_some_and(char::is_ascii_digit) => (Tok::Dot, i + 1),
            c if c.is_ascii_digit() || c == '-' || c == '.' => number(&chars, i)?,
            c if c.is_ascii_alphabetic() => {
                let end = (i..chars.len())
                    .find(|&j| {
                        !(chars[j].is_ascii_alphanumeric() || chars[j] == '-' || chars[j] == '_')
                    })
                    .unwrap_or(chars.len());
                (Tok::Word(chars[i..end].iter().collect()), end)
            }
            other => return err(pos, format!("unexpected character `{other}`")),
        };
        out.push((tok, pos));
        i = next;
    }
    out.push((Tok::End, chars.len() + 1));
    Ok(out)
}

fn reference(chars: &[char], i: usize) -> Result<(Tok, usize), ExprError> {
    if chars.get(i + 1) != Some(&'{') {
        return err(i + 1, "a question is written `${name}`");
    }
    let Some(close) = (i + 2..chars.len()).find(|&j| chars[j] == '}') else {
        return err(i + 1, "`${` is not closed by `}`");
    };
    let name: String = chars[i + 2..close].iter().collect();
    if !crate::survey::is_id(name.trim()) {
        return err(
            i + 3,
            format!("`{name}` is not a question name ([a-z][a-z0-9_]*)"),
        );
    }
    Ok((Tok::Ref(name.trim().to_string()), close + 1))
}

fn string(chars: &[char], i: usize) -> Result<(Tok, usize), ExprError> {
    let quote = chars[i];
    let Some(close) = (i + 1..chars.len()).find(|&j| chars[j] == quote) else {
        return err(i + 1, "this quote is not closed");
    };
    Ok((Tok::Str(chars[i + 1..close].iter().collect()), close + 1))
}

fn number(chars: &[char], i: usize) -> Result<(Tok, usize), ExprError> {
    let end = (i + 1..chars.len())
        .find(|&j| !(chars[j].is_ascii_digit() || chars[j] == '.'))
        .unwrap_or(chars.len());
    let text: String = chars[i..end].iter().collect();
    match text.parse::<f64>() {
        Ok(n) if n.is_finite() => Ok((Tok::Num(n), end)),
        _ => err(i + 1, format!("`{text}` is not a number")),
    }
}

/// Parses one expression of the subset.
pub fn parse(src: &str) -> Result<Expr, ExprError> {
    let toks = tokens(src)?;
    let mut p = Parser { toks, at: 0 };
    let e = p.or()?;
    match p.peek() {
        (Tok::End, _) => Ok(e),
        (t, pos) => err(
            pos,
            format!("expected `and`, `or` or the end, found {}", describe(&t)),
        ),
    }
}

struct Parser {
    toks: Vec<(Tok, usize)>,
    at: usize,
}

impl Parser {
    fn peek(&self) -> (Tok, usize) {
        self.toks[self.at.min(self.toks.len() - 1)].clone()
    }

    fn next(&mut self) -> (Tok, usize) {
        let t = self.peek();
        self.at += 1;
        t
    }

    fn is_word(&self, w: &str) -> bool {
        matches!(self.peek().0, Tok::Word(ref x) if x == w)
    }

    fn expect(&mut self, want: &Tok, what: &str) -> Result<usize, ExprError> {
        let (t, pos) = self.next();
        if &t == want {
            Ok(pos)
        } else {
            err(pos, format!("expected {what}, found {}", describe(&t)))
        }
    }

    fn or(&mut self) -> Result<Expr, ExprError> {
        let mut terms = vec![self.and()?];
        while self.is_word("or") {
            self.next();
            terms.push(self.and()?);
        }
        Ok(if terms.len() == 1 {
            terms.remove(0)
        } else {
            Expr::Or(terms)
        })
    }

    fn and(&mut self) -> Result<Expr, ExprError> {
        let mut terms = vec![self.unary()?];
        while self.is_word("and") {
            self.next();
            terms.push(self.unary()?);
        }
        Ok(if terms.len() == 1 {
            terms.remove(0)
        } else {
            Expr::And(terms)
        })
    }

    fn unary(&mut self) -> Result<Expr, ExprError> {
        match self.peek().0 {
            Tok::Open => {
                self.next();
                let e = self.or()?;
                self.expect(&Tok::Close, "`)`")?;
                Ok(e)
            }
            Tok::Word(w) if w == "not" => {
                self.next();
                self.expect(&Tok::Open, "`(` after not")?;
                let e = self.or()?;
                self.expect(&Tok::Close, "`)`")?;
                Ok(Expr::Not(Box::new(e)))
            }
            Tok::Word(w) if w == "selected" => self.selected(),
            _ => self.cmp(),
        }
    }

    fn selected(&mut self) -> Result<Expr, ExprError> {
        self.next();
        self.expect(&Tok::Open, "`(` after selected")?;
        let (t, pos) = self.next();
        let Tok::Ref(question) = t else {
            return err(
                pos,
                format!(
                    "selected() takes a question `${{name}}` first, found {}",
                    describe(&t)
                ),
            );
        };
        self.expect(&Tok::Comma, "`,`")?;
        let (t, lit_pos) = self.next();
        let Tok::Str(value) = t else {
            return err(
                lit_pos,
                format!(
                    "selected() takes an option in quotes second, found {}",
                    describe(&t)
                ),
            );
        };
        self.expect(&Tok::Close, "`)`")?;
        Ok(Expr::Selected {
            question,
            value,
            pos,
            lit_pos,
        })
    }

    fn cmp(&mut self) -> Result<Expr, ExprError> {
        let (t, pos) = self.next();
        let subject = match t {
            Tok::Ref(q) => Subject::Question(q),
            Tok::Dot => Subject::Dot,
            Tok::Word(w) if w == "string-length" => {
                self.expect(&Tok::Open, "`(`")?;
                self.expect(&Tok::Dot, "`.`")?;
                self.expect(&Tok::Close, "`)`")?;
                Subject::Length
            }
            Tok::Word(w) => return err(pos, format!("`{w}` is not supported here; canvass reads `${{q}} = 'v'`, `!=`, `>=`, `<=`, `>`, `<`, selected(), and, or, not()")),
            other => return err(pos, format!("expected a question `${{name}}`, found {}", describe(&other))),
        };
        let (t, op_pos) = self.next();
        let Tok::Op(op) = t else {
            return err(
                op_pos,
                format!(
                    "expected a comparison (=, !=, >=, <=, >, <), found {}",
                    describe(&t)
                ),
            );
        };
        let (t, lit_pos) = self.next();
        let literal = match t {
            Tok::Str(s) => Literal::Str(s),
            Tok::Num(n) => Literal::Num(n),
            other => {
                return err(
                    lit_pos,
                    format!(
                        "expected a value ('text' or a number), found {}",
                        describe(&other)
                    ),
                )
            }
        };
        Ok(Expr::Cmp {
            subject,
            op,
            literal,
            pos,
            lit_pos,
        })
    }
}
