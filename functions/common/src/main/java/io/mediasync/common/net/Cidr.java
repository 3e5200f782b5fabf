package io.mediasync.common.net;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Locale;

/**
 * An IPv4 or IPv6 network in CIDR notation, e.g. {@code 10.0.0.0/8} or {@code fc00::/7}.
 * An IPv4 network only contains IPv4 addresses and an IPv6 network only IPv6 addresses.
 *
 * @param network      the network address bytes (4 or 16), host bits cleared
 * @param prefixLength number of leading bits that must match
 */
public record Cidr(byte[] network, int prefixLength) {

    public Cidr {
        if (network == null || (network.length != 4 && network.length != 16)) {
            throw new IllegalArgumentException("a network address has 4 or 16 bytes");
        }
        if (prefixLength < 0 || prefixLength > network.length * 8) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " out of range");
        }
        network = mask(network.clone(), prefixLength);
    }

    /**
     * Parses {@code address/prefix}; a bare address means a single host (/32 or /128).
     * Only numeric addresses are accepted, so parsing never triggers a DNS lookup.
     */
    public static Cidr parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty CIDR");
        }
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        String addressPart = slash < 0 ? trimmed : trimmed.substring(0, slash);
        byte[] bytes = parseNumericAddress(addressPart, trimmed);
        int prefix = bytes.length * 8;
        if (slash >= 0) {
            String prefixPart = trimmed.substring(slash + 1);
            if (!prefixPart.matches("\\d{1,3}")) {
                throw new IllegalArgumentException("bad prefix length in CIDR '" + trimmed + "'");
            }
            prefix = Integer.parseInt(prefixPart);
            if (prefix > bytes.length * 8) {
                throw new IllegalArgumentException("prefix length too long in CIDR '" + trimmed + "'");
            }
        }
        return new Cidr(bytes, prefix);
    }

    /** A copy of the network address bytes (records hand out their arrays otherwise). */
    @Override
    public byte[] network() {
        return network.clone();
    }

    /** True when {@code address} is of the same family and inside this network. */
    public boolean contains(InetAddress address) {
        return contains(address.getAddress());
    }

    /** Same as {@link #contains(InetAddress)} on raw address bytes. */
    public boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        return Arrays.equals(mask(address.clone(), prefixLength), network);
    }

    private static byte[] parseNumericAddress(String address, String whole) {
        String lower = address.toLowerCase(Locale.ROOT);
        boolean ipv6 = lower.contains(":") && lower.matches("[0-9a-f:.]+");
        boolean ipv4 = lower.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        if (!ipv6 && !ipv4) {
            throw new IllegalArgumentException("CIDR '" + whole + "' does not start with a numeric IP address");
        }
        try {
            // Safe: the text is a numeric literal (checked above), so this parses and never resolves.
            InetAddress parsed = InetAddress.getByName(lower);
            byte[] bytes = parsed.getAddress();
            // Java turns IPv6 text ::ffff:a.b.c.d into an IPv4 address; keep the 16-byte form that was written.
            return ipv6 && bytes.length == 4 ? ipv4Mapped(bytes) : bytes;
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("CIDR '" + whole + "' has an invalid address", e);
        }
    }

    private static byte[] ipv4Mapped(byte[] ipv4) {
        byte[] bytes = new byte[16];
        bytes[10] = (byte) 0xff;
        bytes[11] = (byte) 0xff;
        System.arraycopy(ipv4, 0, bytes, 12, 4);
        return bytes;
    }

    private static byte[] mask(byte[] bytes, int prefixLength) {
        for (int i = 0; i < bytes.length; i++) {
            int bitsKept = Math.max(0, Math.min(8, prefixLength - i * 8));
            bytes[i] &= (byte) (0xff << (8 - bitsKept));
        }
        return bytes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cidr that && prefixLength == that.prefixLength && Arrays.equals(network, that.network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefixLength;
    }

    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + prefixLength;
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e); // unreachable: length is checked in the constructor
        }
    }
}
