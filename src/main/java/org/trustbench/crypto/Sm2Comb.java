package org.trustbench.crypto;

import java.math.BigInteger;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.custom.gm.SM2P256V1Field;
import org.bouncycastle.math.raw.Nat256;

/**
 * {@code s·G + t·Q} on {@code sm2p256v1} for SM2 verification, by a simultaneous fixed-base comb over tables of both
 * points, without allocating: the same result as BouncyCastle's {@code ECAlgorithms.sumOfTwoMultiplies}, which
 * allocates about 150 KB of temporary field elements per verification (an import of 100,000 cases verifies some 230,000
 * signatures, and that garbage was 40 % of its allocation and the most of its collector's work).
 *
 * <p>The field arithmetic is BouncyCastle's own ({@link SM2P256V1Field}, {@link Nat256}) on 8-limb arrays; the point
 * formulas are the standard Jacobian ones for {@code a = -3} (EFD {@code dbl-2001-b}, {@code madd-2007-bl}), with the
 * point at infinity and equal points handled. Both tables hold the affine multiples {@code Σ 2^(j·D)·P} for every
 * subset of {@value #W} rows, built once per point with BouncyCastle. {@code Sm2CombTest} compares every result with
 * BouncyCastle's, edge cases included.
 *
 * <p>Verification handles public values only; like BouncyCastle's verification it is not constant-time.
 */
final class Sm2Comb {

    /** Comb width: rows per column. */
    static final int W = 6;
    /** Columns: 256 bits in rows of {@value #W}. */
    static final int D = (256 + W - 1) / W;
    private static final int SIZE = 1 << W;

    /** Affine x and y of the table entries; entry 0 (the point at infinity) is unused. */
    private final int[][] xs = new int[SIZE][];
    private final int[][] ys = new int[SIZE][];

    /** The table of {@code p} (a point of the curve, not at infinity). */
    Sm2Comb(ECPoint p) {
        ECPoint[] rows = new ECPoint[W];
        rows[0] = p.normalize();
        for (int j = 1; j < W; j++) {
            ECPoint r = rows[j - 1];
            for (int i = 0; i < D; i++) {
                r = r.twice();
            }
            rows[j] = r.normalize();
        }
        ECPoint[] table = new ECPoint[SIZE];
        table[0] = p.getCurve().getInfinity();
        for (int i = 1; i < SIZE; i++) {
            int high = 31 - Integer.numberOfLeadingZeros(i);
            table[i] = table[i ^ (1 << high)].add(rows[high]);
        }
        for (int i = 1; i < SIZE; i++) {
            ECPoint e = table[i].normalize();
            if (e.isInfinity()) {
                throw new IllegalArgumentException("point of small order"); // impossible on a prime-order curve
            }
            xs[i] = SM2P256V1Field.fromBigInteger(e.getAffineXCoord().toBigInteger());
            ys[i] = SM2P256V1Field.fromBigInteger(e.getAffineYCoord().toBigInteger());
        }
    }

    /**
     * The affine x of {@code s·g + t·q} for scalars in {@code [0, 2^256)}, or null at infinity; {@code g} and {@code q}
     * are the tables of the two points.
     */
    static BigInteger sumOfTwoX(Sm2Comb g, BigInteger s, Sm2Comb q, BigInteger t) {
        int[] a = Nat256.fromBigInteger(s);
        int[] b = Nat256.fromBigInteger(t);
        Jacobian r = new Jacobian();
        for (int c = D - 1; c >= 0; c--) {
            r.twice();
            int ia = index(a, c);
            if (ia != 0) {
                r.addAffine(g.xs[ia], g.ys[ia]);
            }
            int ib = index(b, c);
            if (ib != 0) {
                r.addAffine(q.xs[ib], q.ys[ib]);
            }
        }
        return r.affineX();
    }

    /** The column {@code c} of scalar {@code k}: bit {@code j·D + c} of k as bit j. */
    private static int index(int[] k, int c) {
        int idx = 0;
        for (int j = W - 1; j >= 0; j--) {
            int bit = j * D + c;
            idx <<= 1;
            if (bit < 256) {
                idx |= (k[bit >>> 5] >>> (bit & 31)) & 1;
            }
        }
        return idx;
    }

    /** A point in Jacobian coordinates with its scratch space; the point at infinity while {@code infinity}. */
    private static final class Jacobian {
        final int[] x = Nat256.create();
        final int[] y = Nat256.create();
        final int[] z = Nat256.create();
        boolean infinity = true;
        private final int[] tt = Nat256.createExt();
        private final int[] t1 = Nat256.create();
        private final int[] t2 = Nat256.create();
        private final int[] t3 = Nat256.create();
        private final int[] t4 = Nat256.create();
        private final int[] t5 = Nat256.create();
        private final int[] t6 = Nat256.create();

        private void mul(int[] u, int[] v, int[] out) {
            Nat256.mul(u, v, tt);
            SM2P256V1Field.reduce(tt, out);
        }

        private void sqr(int[] u, int[] out) {
            Nat256.square(u, tt);
            SM2P256V1Field.reduce(tt, out);
        }

        /** This point doubled (dbl-2001-b, a = -3). */
        void twice() {
            if (infinity) {
                return;
            }
            if (SM2P256V1Field.isZero(y) != 0) {
                infinity = true; // a point of order 2; none on this curve, handled for completeness
                return;
            }
            int[] delta = t1;
            int[] gamma = t2;
            int[] beta = t3;
            int[] alpha = t4;
            sqr(z, delta);
            sqr(y, gamma);
            mul(x, gamma, beta);
            SM2P256V1Field.subtract(x, delta, t5);
            SM2P256V1Field.add(x, delta, t6);
            mul(t5, t6, alpha);
            SM2P256V1Field.twice(alpha, t5);
            SM2P256V1Field.add(alpha, t5, alpha); // alpha = 3·(x - delta)·(x + delta)
            // z3 = (y + z)^2 - gamma - delta
            SM2P256V1Field.add(y, z, t5);
            sqr(t5, z);
            SM2P256V1Field.subtract(z, gamma, z);
            SM2P256V1Field.subtract(z, delta, z);
            // x3 = alpha^2 - 8·beta
            SM2P256V1Field.twice(beta, beta);
            SM2P256V1Field.twice(beta, beta); // beta = 4·beta
            sqr(alpha, x);
            SM2P256V1Field.twice(beta, t5);
            SM2P256V1Field.subtract(x, t5, x);
            // y3 = alpha·(4·beta - x3) - 8·gamma^2
            SM2P256V1Field.subtract(beta, x, t5);
            mul(alpha, t5, t6);
            sqr(gamma, t5);
            SM2P256V1Field.twice(t5, t5);
            SM2P256V1Field.twice(t5, t5);
            SM2P256V1Field.twice(t5, t5);
            SM2P256V1Field.subtract(t6, t5, y);
        }

        /** This point plus the affine point (x2, y2) (madd-2007-bl), equal and opposite points included. */
        void addAffine(int[] x2, int[] y2) {
            if (infinity) {
                System.arraycopy(x2, 0, x, 0, 8);
                System.arraycopy(y2, 0, y, 0, 8);
                Nat256.copy(ONE, z);
                infinity = false;
                return;
            }
            int[] z1z1 = t1;
            int[] h = t2;
            int[] r = t3;
            sqr(z, z1z1);
            mul(x2, z1z1, h);
            SM2P256V1Field.subtract(h, x, h); // h = x2·z1z1 - x1
            mul(y2, z, t4);
            mul(t4, z1z1, r);
            SM2P256V1Field.subtract(r, y, r); // r/2 = y2·z1·z1z1 - y1
            if (SM2P256V1Field.isZero(h) != 0) {
                if (SM2P256V1Field.isZero(r) != 0) {
                    twice(); // the same point
                } else {
                    infinity = true; // opposite points
                }
                return;
            }
            SM2P256V1Field.twice(r, r);
            int[] hh = t4;
            sqr(h, hh);
            int[] i = t5;
            SM2P256V1Field.twice(hh, i);
            SM2P256V1Field.twice(i, i); // i = 4·hh
            int[] j = t6;
            mul(h, i, j);
            int[] v = i;
            mul(x, i, v); // v = x1·i
            // z3 = (z1 + h)^2 - z1z1 - hh
            SM2P256V1Field.add(z, h, z);
            sqr(z, z);
            SM2P256V1Field.subtract(z, z1z1, z);
            SM2P256V1Field.subtract(z, hh, z);
            // x3 = r^2 - j - 2·v
            sqr(r, x);
            SM2P256V1Field.subtract(x, j, x);
            SM2P256V1Field.twice(v, t1);
            SM2P256V1Field.subtract(x, t1, x);
            // y3 = r·(v - x3) - 2·y1·j
            mul(y, j, t1);
            SM2P256V1Field.twice(t1, t1);
            SM2P256V1Field.subtract(v, x, t2);
            mul(r, t2, y);
            SM2P256V1Field.subtract(y, t1, y);
        }

        /** The affine x, or null at infinity. */
        BigInteger affineX() {
            if (infinity) {
                return null;
            }
            int[] zInv = Nat256.create();
            SM2P256V1Field.inv(z, zInv);
            sqr(zInv, t1);
            mul(x, t1, t2);
            return Nat256.toBigInteger(t2);
        }
    }

    private static final int[] ONE = Nat256.fromBigInteger(BigInteger.ONE);
}
