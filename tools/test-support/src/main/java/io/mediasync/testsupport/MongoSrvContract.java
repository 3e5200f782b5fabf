package io.mediasync.testsupport;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Hashtable;
import javax.naming.Context;
import javax.naming.NamingException;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;
import org.junit.jupiter.api.Test;

/**
 * For a function's {@code @QuarkusTest}: its package can follow a {@code mongodb+srv://} MONGO_URL (the deployed
 * form). The MongoDB driver looks the SRV and TXT records up through JNDI's DNS provider, opened exactly as below;
 * Quarkus disables JNDI unless {@code quarkus.naming.enable-jndi=true}, and then this throws. Opening the DNS
 * context only reads the system's resolver configuration: no lookup is made, nothing is sent.
 */
public interface MongoSrvContract {

    @Test
    default void jndiDnsIsAvailableForMongodbSrv() throws NamingException {
        Hashtable<String, String> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.dns.DnsContextFactory");
        env.put(Context.PROVIDER_URL, "dns:");
        DirContext dns = new InitialDirContext(env);
        try {
            // the DNS provider answered: it names the system's name servers in place of the bare "dns:"
            assertTrue(String.valueOf(dns.getEnvironment().get(Context.PROVIDER_URL)).startsWith("dns:"));
        } finally {
            dns.close();
        }
    }
}
