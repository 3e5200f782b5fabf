package io.mediasync.resizer;

import io.mediasync.testsupport.DevStackTestResource;
import io.mediasync.testsupport.MongoSrvContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** The end-to-end flow against the devstack (no Docker). The test resource is global: it serves every test class. */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = {
        @ResourceArg(name = "buckets", value = "images-ch"),
        @ResourceArg(name = "queues", value = "ImageQueue.fifo,ChannelImages,ChannelResults.fifo")})
class ImageResizerFlowTest extends AbstractFlowTest implements MongoSrvContract {
}
