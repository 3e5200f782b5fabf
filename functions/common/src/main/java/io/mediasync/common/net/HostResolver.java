package io.mediasync.common.net;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Name resolution seam, so tests can map names to addresses without DNS. */
@FunctionalInterface
public interface HostResolver {

    /**
     * All addresses for a host name. {@link SafeHttpClient} never passes IP literals here: it parses
     * those itself, so a resolver only ever sees DNS names.
     */
    InetAddress[] resolve(String host) throws UnknownHostException;

    /** The JVM's resolver ({@link InetAddress#getAllByName}). */
    static HostResolver system() {
        return InetAddress::getAllByName;
    }
}
