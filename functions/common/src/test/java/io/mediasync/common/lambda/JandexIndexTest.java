package io.mediasync.common.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediasync.common.logging.MdcTagsFilter;
import io.mediasync.common.mongo.MongoConfig;
import io.mediasync.common.mongo.MongoProducer;
import java.io.IOException;
import java.io.InputStream;
import org.jboss.jandex.DotName;
import org.jboss.jandex.Index;
import org.jboss.jandex.IndexReader;
import org.junit.jupiter.api.Test;

/**
 * The jar carries a Jandex index, so Quarkus sees these classes at build time: without it the
 * native build warns "Unable to properly register the hierarchy … not in the Jandex index" for
 * the handlers' SqsEvent and SqsBatchResponse, a reflection failure waiting in a native image; and the
 * MongoDB producer bean and its config mapping would not be found at all.
 */
class JandexIndexTest {

    @Test
    void theHandlersTypesTheLogFilterAndTheMongoProducerAreIndexed() throws IOException {
        Index index;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/jandex.idx")) {
            assertThat(in).as("META-INF/jandex.idx (jandex-maven-plugin)").isNotNull();
            index = new IndexReader(in).read();
        }
        for (Class<?> type : new Class<?>[] {SqsEvent.class, SqsMessage.class, SqsBatchResponse.class, SqsBatchResponse.ItemFailure.class,
                MdcTagsFilter.class, MongoProducer.class, MongoConfig.class}) {
            assertThat(index.getClassByName(DotName.createSimple(type.getName()))).as(type.getName()).isNotNull();
        }
    }
}
