import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Draws the TrustBench icon (a shield with a check mark on a blue tile) and writes it as
 * trustbench.png (256 px, Linux), trustbench.ico (Windows, PNG entries) and trustbench.icns (macOS).
 * Deterministic: the same JDK draws the same bytes. Run: {@code java installer/icon/MakeIcon.java installer/icon}
 */
public final class MakeIcon {

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : ".");
        Files.createDirectories(out);
        Files.write(out.resolve("trustbench.png"), png(256));
        Files.write(out.resolve("trustbench.ico"), ico(new int[] {16, 32, 48, 256}));
        Files.write(out.resolve("trustbench.icns"), icns());
    }

    static BufferedImage draw(int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.scale(size / 256.0, size / 256.0);
        g.setPaint(new GradientPaint(0, 0, new Color(0x1F, 0x6F, 0xD1), 0, 256, new Color(0x0B, 0x3D, 0x91)));
        g.fill(new RoundRectangle2D.Double(8, 8, 240, 240, 56, 56));
        Path2D shield = new Path2D.Double();
        shield.moveTo(128, 40);
        shield.lineTo(200, 68);
        shield.curveTo(200, 140, 176, 190, 128, 218);
        shield.curveTo(80, 190, 56, 140, 56, 68);
        shield.closePath();
        g.setColor(Color.WHITE);
        g.fill(shield);
        g.setColor(new Color(0x1A, 0x9E, 0x5C));
        g.setStroke(new BasicStroke(22, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Path2D check = new Path2D.Double();
        check.moveTo(92, 128);
        check.lineTo(118, 156);
        check.lineTo(166, 100);
        g.draw(check);
        g.dispose();
        return img;
    }

    static byte[] png(int size) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(draw(size), "png", bytes);
        return bytes.toByteArray();
    }

    /** An ICO whose entries are PNG images (Windows Vista and later). */
    static byte[] ico(int[] sizes) throws IOException {
        byte[][] images = new byte[sizes.length][];
        for (int i = 0; i < sizes.length; i++) {
            images[i] = png(sizes[i]);
        }
        int offset = 6 + 16 * sizes.length;
        int total = offset;
        for (byte[] image : images) {
            total += image.length;
        }
        ByteBuffer buf = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        buf.putShort((short) 0).putShort((short) 1).putShort((short) sizes.length);
        for (int i = 0; i < sizes.length; i++) {
            int s = sizes[i] >= 256 ? 0 : sizes[i];
            buf.put((byte) s).put((byte) s).put((byte) 0).put((byte) 0);
            buf.putShort((short) 1).putShort((short) 32).putInt(images[i].length).putInt(offset);
            offset += images[i].length;
        }
        for (byte[] image : images) {
            buf.put(image);
        }
        return buf.array();
    }

    /** An ICNS with 128, 256 and 512 px PNG entries (ic07, ic08, ic09). */
    static byte[] icns() throws IOException {
        String[] types = {"ic07", "ic08", "ic09"};
        int[] sizes = {128, 256, 512};
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int i = 0; i < types.length; i++) {
            byte[] image = png(sizes[i]);
            body.write(types[i].getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            body.write(ByteBuffer.allocate(4).putInt(8 + image.length).array());
            body.write(image);
        }
        ByteBuffer buf = ByteBuffer.allocate(8 + body.size());
        buf.put("icns".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(8 + body.size()).put(body.toByteArray());
        return buf.array();
    }
}
