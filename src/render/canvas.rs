//! An RGBA pixel buffer with the few drawing operations the renderer needs, and PNG
//! encoding.

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Rgb(pub [u8; 3]);

/// Why a PNG could not be written.
#[derive(Debug, thiserror::Error)]
pub enum PngError {
    #[error("cannot encode the PNG: {0}")]
    Encode(#[from] png::EncodingError),
}

/// An opaque RGBA image, row by row, 4 bytes a pixel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Canvas {
    pub width: u32,
    pub height: u32,
    pub data: Vec<u8>,
}

impl Canvas {
    /// A canvas filled with `background`.
    pub fn new(width: u32, height: u32, background: Rgb) -> Self {
        let [r, g, b] = background.0;
        let data = [r, g, b, 255].repeat(width as usize * height as usize);
        Self { width, height, data }
    }

    /// The pixel at `(x, y)`, when inside.
    pub fn pixel(&self, x: u32, y: u32) -> Option<[u8; 4]> {
        if x >= self.width || y >= self.height {
            return None;
        }
        let i = (y as usize * self.width as usize + x as usize) * 4;
        let px = self.data.get(i..i + 4)?;
        Some([px[0], px[1], px[2], px[3]])
    }

    /// Blends `color` over the pixel at `(x, y)` with coverage `alpha` (0..=1).
    pub fn blend(&mut self, x: i64, y: i64, color: Rgb, alpha: f32) {
        if x < 0 || y < 0 || x >= i64::from(self.width) || y >= i64::from(self.height) || alpha <= 0.0 {
            return;
        }
        let i = (y as usize * self.width as usize + x as usize) * 4;
        let Some(px) = self.data.get_mut(i..i + 3) else {
            return;
        };
        let a = alpha.min(1.0);
        for (dst, src) in px.iter_mut().zip(color.0) {
            *dst = (f32::from(*dst) * (1.0 - a) + f32::from(src) * a).round() as u8;
        }
    }

    /// Fills the rectangle `x0..x1, y0..y1` (pixel edges rounded) with `color` at `alpha`.
    pub fn fill_rect(&mut self, x0: f32, y0: f32, x1: f32, y1: f32, color: Rgb, alpha: f32) {
        let (xa, xb) = (x0.round() as i64, x1.round() as i64);
        let (ya, yb) = (y0.round() as i64, y1.round() as i64);
        for y in ya..yb {
            for x in xa..xb {
                self.blend(x, y, color, alpha);
            }
        }
    }

    /// The image as PNG bytes.
    pub fn to_png(&self) -> Result<Vec<u8>, PngError> {
        let mut out = Vec::new();
        let mut encoder = png::Encoder::new(&mut out, self.width, self.height);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header()?;
        writer.write_image_data(&self.data)?;
        writer.finish()?;
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blending_mixes_colours_and_ignores_outside_pixels() {
        let mut canvas = Canvas::new(2, 1, Rgb([255, 255, 255]));
        canvas.blend(0, 0, Rgb([0, 0, 0]), 0.5);
        canvas.blend(5, 0, Rgb([0, 0, 0]), 1.0);
        assert_eq!(canvas.pixel(0, 0), Some([128, 128, 128, 255]));
        assert_eq!(canvas.pixel(1, 0), Some([255, 255, 255, 255]));
    }

    #[test]
    fn png_starts_with_the_signature() {
        let png = Canvas::new(3, 2, Rgb([255, 255, 255])).to_png().unwrap();
        assert_eq!(png.get(..8), Some(&[0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a][..]));
    }
}
