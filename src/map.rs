//! Map arithmetic, plain Rust: the projection the server draws the country map with, and the
//! distance the offices page sorts by on the visitor's device.

/// Longitude and latitude in degrees.
pub type LonLat = (f64, f64);

/// An equirectangular projection fitted to a bounding box: longitudes shrink by the cosine of
/// the middle latitude, which at Azerbaijan's 38°–42° N keeps shapes within a few per cent.
#[derive(Clone, Copy, Debug)]
pub struct Projection {
    west: f64,
    north: f64,
    scale: f64,
    x_factor: f64,
    pub width: f64,
    pub height: f64,
}

impl Projection {
    /// Fits `points` into a drawing `width` wide with `margin` on every side.
    pub fn fit(points: impl IntoIterator<Item = LonLat>, width: f64, margin: f64) -> Projection {
        let (mut west, mut east, mut south, mut north) = (180.0f64, -180.0f64, 90.0f64, -90.0f64);
        for (lon, lat) in points {
            west = west.min(lon);
            east = east.max(lon);
            south = south.min(lat);
            north = north.max(lat);
        }
        if west > east {
            (west, east, south, north) = (0.0, 1.0, 0.0, 1.0);
        }
        let x_factor = ((south + north) / 2.0).to_radians().cos();
        let span_x = ((east - west) * x_factor).max(f64::EPSILON);
        let scale = (width - 2.0 * margin) / span_x;
        let height = (north - south) * scale + 2.0 * margin;
        Projection {
            west: west - margin / scale / x_factor,
            north: north + margin / scale,
            scale,
            x_factor,
            width,
            height,
        }
    }

    /// SVG coordinates (x right, y down) of a point.
    pub fn project(&self, (lon, lat): LonLat) -> (f64, f64) {
        (
            (lon - self.west) * self.x_factor * self.scale,
            (self.north - lat) * self.scale,
        )
    }

    /// An SVG path (`M … L … Z`) of a closed ring, one decimal place.
    pub fn path(&self, ring: &[LonLat]) -> String {
        let mut d = String::new();
        for (i, point) in ring.iter().enumerate() {
            let (x, y) = self.project(*point);
            d.push_str(&format!("{}{x:.1} {y:.1}", if i == 0 { "M" } else { "L" }));
        }
        d.push('Z');
        d
    }
}

/// Great-circle distance in kilometres (haversine, mean Earth radius).
pub fn distance_km(a: LonLat, b: LonLat) -> f64 {
    let (lat1, lat2) = (a.1.to_radians(), b.1.to_radians());
    let d_lat = lat2 - lat1;
    let d_lon = (b.0 - a.0).to_radians();
    let h = (d_lat / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * (d_lon / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().asin()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn baku_to_ganja_is_about_300_km() {
        let d = distance_km((49.8671, 40.4093), (46.3606, 40.6828));
        assert!((290.0..310.0).contains(&d), "{d}");
    }

    #[test]
    fn fitted_points_stay_inside_the_drawing() {
        let pts = [(44.8, 38.4), (50.4, 41.9)];
        let p = Projection::fit(pts, 600.0, 10.0);
        for pt in pts {
            let (x, y) = p.project(pt);
            assert!((9.9..=590.1).contains(&x) && (9.9..=p.height - 9.9).contains(&y));
        }
        // North is up: the northern point is drawn higher.
        assert!(p.project(pts[1]).1 < p.project(pts[0]).1);
    }
}
