//! The report's charts as inline SVG: stacked columns, lines and horizontal
//! bars. A chart names its colours by CSS class only (`class="s-sev0"`), and
//! its text takes the page's colour, so the page's stylesheet makes one chart
//! read in light mode, in dark mode and on paper. Every mark carries a
//! `<title>` with its value, shown on hover without any script; columns and
//! bars also print their value beside them.

use std::fmt::Write;

/// Width of every chart in SVG units; the page scales it to its column.
const WIDTH: f64 = 720.0;
/// Room for the value axis's labels.
const LEFT: f64 = 56.0;
/// Room on the right, so the last label is not cut.
const RIGHT: f64 = 16.0;
/// Room above the highest column for its label.
const TOP: f64 = 20.0;
/// Room for the category labels.
const BOTTOM: f64 = 28.0;

/// The narrowest column that gets its value written above it.
const LABELLED_COLUMN: f64 = 32.0;

/// Text made safe inside HTML and SVG, attributes included.
pub fn escape(text: &str) -> String {
    // Characters XML does not allow (controls but tab and line breaks, and
    // the two non-characters U+FFFE and U+FFFF) would break the page.
    let allowed = |c: &char| {
        let control = c.is_control() && !matches!(c, '\t' | '\n' | '\r');
        !control && !matches!(c, '\u{fffe}' | '\u{ffff}')
    };
    let cleaned: String;
    let text = if text.chars().all(|c| allowed(&c)) {
        text
    } else {
        cleaned = text.chars().filter(allowed).collect();
        &cleaned
    };
    let mut bytes = Vec::with_capacity(text.len());
    // Writing into a Vec cannot fail, and the escaped text of a `str` is
    // still UTF-8.
    let _ = tera::escape_html(text, &mut bytes);
    String::from_utf8(bytes).unwrap_or_default()
}

/// One series: its name (in titles and the legend), the CSS class that
/// colours it, and a value per category (`None`: nothing to draw there).
#[derive(Debug, Clone)]
pub struct Series {
    /// Shown in each mark's title.
    pub name: String,
    /// The class of its marks.
    pub class: String,
    /// One per category.
    pub values: Vec<Option<f64>>,
}

/// How the values of a chart are counted and written.
#[derive(Debug, Clone, Copy)]
pub struct Scale {
    /// The top of the axis at least (e.g. 1.0 for a rate); else it is
    /// fitted to the data.
    pub max: Option<f64>,
    /// The steps the axis may be divided in, smallest first.
    pub steps: &'static [f64],
    /// How a value is written on the axis and beside a mark.
    pub format: fn(f64) -> String,
}

/// Steps for counts: 1, 2, 5, 10, 20, 50 …
pub const COUNT_STEPS: &[f64] = &[
    1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0, 200.0, 500.0, 1e3, 2e3, 5e3, 1e4, 2e4, 5e4, 1e5,
];
/// Steps for durations in minutes: 5m, 10m, 15m, 30m, 1h, 2h … 1d, 2d, 1w …
pub const MINUTE_STEPS: &[f64] = &[
    1.0, 2.0, 5.0, 10.0, 15.0, 30.0, 60.0, 120.0, 180.0, 360.0, 720.0, 1440.0, 2880.0, 4320.0,
    10080.0, 20160.0, 43200.0, 86400.0, 172800.0, 525600.0,
];
/// Steps for rates between 0 and 1.
pub const RATE_STEPS: &[f64] = &[0.25];

/// The top of the axis and its step for values up to `max`: at most five
/// steps, each one of `steps` (the largest when none fits).
fn axis(max: f64, steps: &[f64]) -> (f64, f64) {
    let max = if max > 0.0 { max } else { 1.0 };
    let step = steps
        .iter()
        .copied()
        .find(|step| (max / step).ceil() <= 5.0)
        .or_else(|| steps.last().copied())
        .unwrap_or(1.0);
    ((max / step).ceil().max(1.0) * step, step)
}

/// The frame of a chart: its height, the value axis and the grid.
struct Plot {
    height: f64,
    top: f64,
}

impl Plot {
    /// An `<svg>` with its value axis and grid, fitted to `highest`.
    fn open(id: &str, label: &str, highest: f64, scale: Scale) -> (Plot, String) {
        let (top, step) = axis(highest, scale.steps);
        let plot = Plot { height: 260.0, top };
        let mut out = String::new();
        open(&mut out, id, plot.height, label);
        plot.grid(&mut out, step, scale.format);
        (plot, out)
    }

    /// The category axis and its labels, and the end of the `<svg>`.
    fn close(&self, mut out: String, categories: &[String]) -> String {
        let _ = write!(
            out,
            r#"<line class="axis" x1="{LEFT}" x2="{x2}" y1="{y}" y2="{y}"/>"#,
            x2 = WIDTH - RIGHT,
            y = self.bottom(),
        );
        category_labels(&mut out, categories, self.bottom());
        out.push_str("</svg>");
        out
    }

    fn bottom(&self) -> f64 {
        self.height - BOTTOM
    }

    /// The y of `value` on an axis ending at `top`.
    fn y(&self, value: f64) -> f64 {
        let span = self.bottom() - TOP;
        self.bottom() - span * (value / self.top).clamp(0.0, 1.0)
    }

    /// The horizontal grid lines and their labels.
    fn grid(&self, out: &mut String, step: f64, format: fn(f64) -> String) {
        let mut value = 0.0;
        while value <= self.top + step / 2.0 {
            let y = self.y(value);
            let _ = write!(
                out,
                r#"<line class="grid" x1="{LEFT}" x2="{x2}" y1="{y:.1}" y2="{y:.1}"/><text class="tick" x="{x}" y="{ty:.1}" text-anchor="end">{label}</text>"#,
                x2 = WIDTH - RIGHT,
                x = LEFT - 6.0,
                ty = y + 4.0,
                label = escape(&format(value)),
            );
            value += step;
        }
    }
}

/// Opens an `<svg>` of `height` labelled by `label`.
fn open(out: &mut String, id: &str, height: f64, label: &str) {
    let _ = write!(
        out,
        r#"<svg id="{id}-chart" class="chart" viewBox="0 0 {WIDTH} {height}" role="img" aria-label="{label}" xmlns="http://www.w3.org/2000/svg">"#,
        label = escape(label),
    );
}

/// The x of category `i` of `n` (its centre) and the width of a column.
fn slot(i: usize, n: usize) -> (f64, f64) {
    let width = (WIDTH - LEFT - RIGHT) / n.max(1) as f64;
    (LEFT + width * (i as f64 + 0.5), width)
}

/// The series with a value above zero at category `i`, and that value:
/// the parts of a stacked column or bar.
fn positive(series: &[Series], i: usize) -> impl Iterator<Item = (&Series, f64)> {
    series.iter().filter_map(move |s| {
        let value = s.values.get(i).copied().flatten()?;
        (value > 0.0).then_some((s, value))
    })
}

/// The category labels, thinned to about twelve so they do not overlap.
fn category_labels(out: &mut String, categories: &[String], bottom: f64) {
    let every = categories.len().div_ceil(12).max(1);
    for (i, category) in categories.iter().enumerate() {
        if i % every != 0 {
            continue;
        }
        let (x, _) = slot(i, categories.len());
        let _ = write!(
            out,
            r#"<text class="label" x="{x:.1}" y="{y:.1}" text-anchor="middle">{}</text>"#,
            escape(category),
            y = bottom + 18.0,
        );
    }
}

/// Columns, one per category, each stacked from the series in order, with
/// the total written above it.
pub fn columns(
    id: &str,
    label: &str,
    categories: &[String],
    series: &[Series],
    scale: Scale,
) -> String {
    let total = |i: usize| -> Option<f64> {
        let values: Vec<f64> = series
            .iter()
            .filter_map(|s| s.values.get(i).copied().flatten())
            .collect();
        (!values.is_empty()).then(|| values.iter().sum())
    };
    let highest = (0..categories.len())
        .filter_map(total)
        .fold(scale.max.unwrap_or(0.0), f64::max);
    let (plot, mut out) = Plot::open(id, label, highest, scale);
    for (i, category) in categories.iter().enumerate() {
        let (x, width) = slot(i, categories.len());
        let bar = (width * 0.7).min(48.0);
        let mut stacked = 0.0;
        for (s, value) in positive(series, i) {
            let (y0, y1) = (plot.y(stacked), plot.y(stacked + value));
            stacked += value;
            let _ = write!(
                out,
                r#"<rect class="{class}" x="{x0:.1}" y="{y1:.1}" width="{bar:.1}" height="{h:.1}"><title>{title}</title></rect>"#,
                class = s.class,
                x0 = x - bar / 2.0,
                h = y0 - y1,
                title = escape(&format!(
                    "{category} · {}: {}",
                    s.name,
                    (scale.format)(value)
                )),
            );
        }
        // Beside narrow columns the labels would run together; each
        // mark's title still has its value.
        if let Some(sum) = total(i).filter(|_| width >= LABELLED_COLUMN) {
            let _ = write!(
                out,
                r#"<text class="value" x="{x:.1}" y="{y:.1}" text-anchor="middle">{}</text>"#,
                escape(&(scale.format)(sum)),
                y = plot.y(sum) - 5.0,
            );
        }
    }
    plot.close(out, categories)
}

/// One line per series across the categories, broken where a value is
/// missing, with a dot and a title at each value.
pub fn lines(
    id: &str,
    label: &str,
    categories: &[String],
    series: &[Series],
    scale: Scale,
) -> String {
    let highest = series
        .iter()
        .flat_map(|s| s.values.iter().copied().flatten())
        .fold(scale.max.unwrap_or(0.0), f64::max);
    let (plot, mut out) = Plot::open(id, label, highest, scale);
    for s in series {
        let mut path = String::new();
        let mut pen_down = false;
        for (i, value) in s.values.iter().enumerate() {
            match value {
                Some(value) => {
                    let (x, _) = slot(i, categories.len());
                    let command = if pen_down { 'L' } else { 'M' };
                    let _ = write!(path, "{command}{x:.1},{:.1} ", plot.y(*value));
                    pen_down = true;
                }
                None => pen_down = false,
            }
        }
        if !path.is_empty() {
            let _ = write!(
                out,
                r#"<path class="line {class}" d="{d}"/>"#,
                class = s.class,
                d = path.trim_end(),
            );
        }
        for (i, value) in s.values.iter().enumerate() {
            let (Some(value), Some(category)) = (value, categories.get(i)) else {
                continue;
            };
            let (x, _) = slot(i, categories.len());
            let _ = write!(
                out,
                r#"<circle class="dot {class}" cx="{x:.1}" cy="{y:.1}" r="3.5"><title>{title}</title></circle>"#,
                class = s.class,
                y = plot.y(*value),
                title = escape(&format!(
                    "{category} · {}: {}",
                    s.name,
                    (scale.format)(*value)
                )),
            );
        }
    }
    plot.close(out, categories)
}

/// A horizontal bar per row, stacked from the series in order, its name on
/// the left and its total on the right.
pub fn bars(id: &str, label: &str, rows: &[String], series: &[Series], scale: Scale) -> String {
    const ROW: f64 = 26.0;
    const NAME: f64 = 180.0;
    let total = |i: usize| -> f64 {
        series
            .iter()
            .filter_map(|s| s.values.get(i).copied().flatten())
            .sum()
    };
    let highest = (0..rows.len()).map(total).fold(0.0, f64::max);
    let (top, _) = axis(highest, scale.steps);
    let height = ROW * rows.len().max(1) as f64 + 8.0;
    let span = WIDTH - NAME - 56.0;
    let mut out = String::new();
    open(&mut out, id, height, label);
    for (i, name) in rows.iter().enumerate() {
        let y = 4.0 + ROW * i as f64;
        let shown: String = if name.chars().count() > 26 {
            name.chars().take(25).chain(['…']).collect()
        } else {
            name.clone()
        };
        let _ = write!(
            out,
            r#"<text class="label" x="{x}" y="{ty:.1}" text-anchor="end">{}<title>{}</title></text>"#,
            escape(&shown),
            escape(name),
            x = NAME - 8.0,
            ty = y + ROW / 2.0 + 4.0,
        );
        let mut stacked = 0.0;
        for (s, value) in positive(series, i) {
            let x = NAME + span * stacked / top;
            stacked += value;
            let _ = write!(
                out,
                r#"<rect class="{class}" x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{h:.1}"><title>{title}</title></rect>"#,
                class = s.class,
                w = span * value / top,
                h = ROW - 8.0,
                title = escape(&format!("{name} · {}: {}", s.name, (scale.format)(value))),
            );
        }
        let _ = write!(
            out,
            r#"<text class="value" x="{x:.1}" y="{ty:.1}">{}</text>"#,
            escape(&(scale.format)(total(i))),
            x = NAME + span * stacked / top + 6.0,
            ty = y + ROW / 2.0 + 4.0,
        );
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_axis_ends_on_a_step_above_the_highest_value() {
        assert_eq!(axis(3.0, COUNT_STEPS), (3.0, 1.0));
        assert_eq!(axis(7.0, COUNT_STEPS), (8.0, 2.0));
        assert_eq!(axis(0.0, COUNT_STEPS), (1.0, 1.0));
        assert_eq!(axis(95.0, MINUTE_STEPS), (120.0, 30.0));
        assert_eq!(axis(1.0, RATE_STEPS), (1.0, 0.25));
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            escape(r#"<a href="x">&'"#),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
    }
}
