package io.mediasync.devstack;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Props;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.scaladsl.Http;
import org.apache.pekko.http.scaladsl.Http$;
import org.apache.pekko.http.scaladsl.model.HttpHeader;
import org.apache.pekko.http.scaladsl.model.HttpRequest;
import org.apache.pekko.http.scaladsl.model.HttpResponse;
import org.apache.pekko.http.scaladsl.server.Directives$;
import org.apache.pekko.http.scaladsl.server.RequestContext;
import org.apache.pekko.http.scaladsl.server.RouteResult;
import org.apache.pekko.http.scaladsl.server.RouteResult$;
import org.apache.pekko.pattern.Patterns;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.util.Timeout;
import org.elasticmq.Limits;
import org.elasticmq.actor.QueueManagerActor;
import org.elasticmq.actor.queue.QueueEvent;
import org.elasticmq.persistence.file.ConfigBasedQueuePersistenceActor;
import org.elasticmq.persistence.sql.SqlQueuePersistenceActor;
import org.elasticmq.rest.sqs.AWSProtocol;
import org.elasticmq.rest.sqs.MarshallerDependencies;
import org.elasticmq.rest.sqs.TheSQSRestServerBuilder;
import org.elasticmq.rest.sqs.XmlNsVersion;
import org.elasticmq.rest.sqs.XmlNsVersion$;
import org.elasticmq.rest.sqs.directives.AWSProtocolDirectives;
import org.elasticmq.rest.sqs.directives.AnyParamDirectives;
import org.elasticmq.rest.sqs.directives.ExceptionDirectives;
import org.elasticmq.rest.sqs.directives.RejectionDirectives;
import org.elasticmq.rest.sqs.model.RequestPayload;
import org.elasticmq.server.config.ElasticMQServerConfig;
import org.elasticmq.util.NowProvider;
import scala.Function1;
import scala.Option;
import scala.concurrent.Await;
import scala.concurrent.Future;
import scala.concurrent.duration.FiniteDuration;
import scala.jdk.javaapi.CollectionConverters;
import scala.util.Either;

/**
 * ElasticMQ with {@link LoopbackRequests} in front of every request, on its one and only listener.
 *
 * <p>ElasticMQ has no request filter: {@code ElasticMQServer} builds its routes and binds them inside one
 * method. A guarding proxy in front would leave ElasticMQ's own port open to any page that finds it (a port
 * scan from a browser is quick), so this class does what {@code ElasticMQServer.start()} and
 * {@code TheSQSRestServerBuilder.start()} of ElasticMQ 1.6.14 do (persistence, queue manager, the same routes in
 * the same order) and binds the routes wrapped in the guard. Pinned to that version: its route environment is
 * the builder's anonymous class, and a change there fails the devstack's start, loudly.
 */
final class GuardedSqs {

    /** ElasticMQ's routes, in {@code TheSQSRestServerBuilder.rawRoutes}' order (the first that matches answers). */
    private static final List<String> ACTIONS = List.of("sendMessage", "sendMessageBatch", "receiveMessage", "deleteMessage",
            "deleteMessageBatch", "getQueueUrl", "createQueue", "listQueues", "purgeQueue", "changeMessageVisibility",
            "changeMessageVisibilityBatch", "deleteQueue", "getQueueAttributes", "setQueueAttributes", "addPermission",
            "removePermission", "tagQueue", "untagQueue", "listQueueTags", "listDeadLetterSourceQueues", "startMessageMoveTask",
            "cancelMessageMoveTask", "listMessageMoveTasks");
    private static final String ROUTES_CLASS = "org.elasticmq.rest.sqs.TheSQSRestServerBuilder$$anon$1";
    private static final FiniteDuration STARTUP = FiniteDuration.apply(30, TimeUnit.SECONDS);

    private GuardedSqs() {
    }

    /** Starts the queues and the guarded listener on {@code host:port}; closing stops both. */
    static AutoCloseable start(ElasticMQServerConfig config, String host, int port) throws Exception {
        ActorSystem system = ActorSystem.create("elasticmq");
        try {
            Limits limits = (Limits) config.restSqs().sqsLimits();
            Option<ActorRef> store = store(system, config);
            ActorRef queues = system.actorOf(Props.create(QueueManagerActor.class, new NowProvider(), limits, store));
            if (store.isDefined()) {
                restore(store.get(), queues);
            }
            Materializer materializer = Materializer.createMaterializer(system);
            Object env = routeEnvironment(config, system, materializer, queues, limits, store, host, port);
            Function1<RequestContext, Future<RouteResult>> guarded = guard(new LoopbackRequests(port), sqsRoute(env));
            Http.ServerBinding binding = Await.result(Http$.MODULE$.apply(system).newServerAt(host, port)
                    .bindFlow(RouteResult$.MODULE$.routeToFlowViaMaterializer(guarded, materializer)), STARTUP);
            return () -> {
                Await.result(binding.terminate(FiniteDuration.apply(5, TimeUnit.SECONDS)), STARTUP);
                Await.result(system.terminate(), STARTUP);
            };
        } catch (Exception | Error e) {
            system.terminate();
            throw e;
        }
    }

    /** ElasticMQServer's queue event listener: queue definitions and messages kept in the data directory. */
    private static Option<ActorRef> store(ActorSystem system, ElasticMQServerConfig config) {
        if (config.sqlQueuePersistenceConfig().enabled()) {
            return Option.apply(system.actorOf(Props.create(SqlQueuePersistenceActor.class, config.sqlQueuePersistenceConfig(),
                    config.baseQueues())));
        }
        if (config.queuesStorageEnabled()) {
            return Option.apply(system.actorOf(Props.create(ConfigBasedQueuePersistenceActor.class, config.queuesStoragePath(),
                    config.baseQueues())));
        }
        return Option.empty();
    }

    private static void restore(ActorRef store, ActorRef queues) throws Exception {
        Object restored = Patterns.ask(store, new QueueEvent.Restore(queues), java.time.Duration.ofSeconds(30))
                .toCompletableFuture().get(30, TimeUnit.SECONDS);
        if (restored instanceof Either<?, ?> either && either.isLeft()) {
            throw new IllegalStateException("SQS: the stored queues could not be restored: " + either.left().get());
        }
    }

    private static Object routeEnvironment(ElasticMQServerConfig config, ActorSystem system, Materializer materializer,
            ActorRef queues, Limits limits, Option<ActorRef> store, String host, int port) throws ReflectiveOperationException {
        TheSQSRestServerBuilder builder = TheSQSRestServerBuilder.apply(Option.apply(system), Option.apply(queues), host, port,
                config.nodeAddress(), false, limits, config.awsRegion(), config.awsAccountId(), store);
        return Class.forName(ROUTES_CLASS).getConstructor(TheSQSRestServerBuilder.class, AtomicReference.class, ActorSystem.class,
                Materializer.class, ActorRef.class, Limits.class)
                .newInstance(builder, new AtomicReference<>(config.nodeAddress()), system, materializer, queues, limits);
    }

    /** {@code TheSQSRestServerBuilder}'s sqsRoute: protocol and namespace, error handling, parameters, the actions. */
    private static Function1<RequestContext, Future<RouteResult>> sqsRoute(Object env) throws NoSuchMethodException {
        List<Method> actions = new ArrayList<>();
        for (String name : ACTIONS) {
            actions.add(env.getClass().getMethod(name, RequestPayload.class, MarshallerDependencies.class));
        }
        Method unmatched = env.getClass().getMethod("unmatchedAction", RequestPayload.class);
        return XmlNsVersion$.MODULE$.extractXmlNs().tapply(version -> ((AWSProtocolDirectives) env).extractProtocol().tapply(p -> {
            AWSProtocol protocol = p._1();
            MarshallerDependencies dependencies = MarshallerDependencies.apply(protocol, version._1());
            return ((ExceptionDirectives) env).handleServerExceptions(protocol).tapply(u -> ((RejectionDirectives) env)
                    .handleRejectionsWithSQSError(protocol).tapply(v -> ((AnyParamDirectives) env).anyParamsMap(protocol,
                            payload -> actions(env, actions, unmatched, payload, dependencies))));
        }));
    }

    private static Function1<RequestContext, Future<RouteResult>> actions(Object env, List<Method> actions, Method unmatched,
            RequestPayload payload, MarshallerDependencies dependencies) {
        List<Function1<RequestContext, Future<RouteResult>>> routes = new ArrayList<>();
        try {
            for (Method action : actions) {
                routes.add(route(action.invoke(env, payload, dependencies)));
            }
            routes.add(route(unmatched.invoke(env, payload)));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("SQS: ElasticMQ's routes are not those of 1.6.14: " + e, e);
        }
        return Directives$.MODULE$.concat(CollectionConverters.asScala(routes).toSeq());
    }

    @SuppressWarnings("unchecked")
    private static Function1<RequestContext, Future<RouteResult>> route(Object route) {
        return (Function1<RequestContext, Future<RouteResult>>) route;
    }

    /** Refused requests get 403 before ElasticMQ reads a parameter; the rest go to its routes. */
    static Function1<RequestContext, Future<RouteResult>> guard(LoopbackRequests rule,
            Function1<RequestContext, Future<RouteResult>> inner) {
        return context -> {
            HttpRequest request = context.request();
            Optional<String> refused = rule.refusal(header(request, "Host"), header(request, "Origin"));
            if (refused.isEmpty()) {
                return inner.apply(context);
            }
            String body = "{\"__type\":\"AccessDenied\",\"message\":\"" + refused.get().replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
            HttpResponse response = (HttpResponse) org.apache.pekko.http.javadsl.model.HttpResponse.create().withStatus(403)
                    .withEntity(ContentTypes.APPLICATION_JSON, body.getBytes(StandardCharsets.UTF_8));
            return Future.successful(new RouteResult.Complete(response));
        };
    }

    private static String header(HttpRequest request, String name) {
        return request.getHeader(name).map(h -> ((HttpHeader) h).value()).orElse(null);
    }
}
