package io.mediasync.sourcesync;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

/** A Lambda context as the runtime hands it over, with the invocation's remaining time. */
public final class LambdaContexts {

    private LambdaContexts() {
    }

    public static Context remaining(int remainingMillis) {
        return new Context() {
            public String getAwsRequestId() { return "r"; }
            public String getLogGroupName() { return "g"; }
            public String getLogStreamName() { return "s"; }
            public String getFunctionName() { return "f"; }
            public String getFunctionVersion() { return "1"; }
            public String getInvokedFunctionArn() { return "arn"; }
            public CognitoIdentity getIdentity() { return null; }
            public ClientContext getClientContext() { return null; }
            public int getRemainingTimeInMillis() { return remainingMillis; }
            public int getMemoryLimitInMB() { return 1024; }
            public LambdaLogger getLogger() { return null; }
        };
    }
}
