package io.mediasync.local;

import io.mediasync.local.runtime.FunctionProcess;
import io.mediasync.local.runtime.Invocation;
import io.mediasync.local.runtime.Schedules;
import io.mediasync.local.template.StackModel.ScheduleDef;
import java.io.PrintStream;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The template's {@code ScheduleV2} events: each enabled one fires its function on time, and any one on demand. */
final class ScheduleClock {

    private final Collection<FunctionProcess> functions;
    private final ScheduledExecutorService clock;
    private final PrintStream out;

    private ScheduleClock(Collection<FunctionProcess> functions, ScheduledExecutorService clock, PrintStream out) {
        this.functions = functions;
        this.clock = clock;
        this.out = out;
    }

    /** Arms every enabled schedule of {@code functions} on {@code clock}, which the caller shuts down. */
    static ScheduleClock start(Collection<FunctionProcess> functions, ScheduledExecutorService clock, PrintStream out) {
        ScheduleClock schedules = new ScheduleClock(functions, clock, out);
        for (FunctionProcess function : functions) {
            for (ScheduleDef schedule : function.function().schedules()) {
                if (schedule.enabled()) {
                    schedules.arm(function, schedule);
                }
            }
        }
        return schedules;
    }

    private void arm(FunctionProcess function, ScheduleDef schedule) {
        ZonedDateTime now = ZonedDateTime.now();
        Schedules.next(schedule.expression(), schedule.timezone(), now).ifPresent(next -> {
            long delay = Math.max(0, next.toInstant().toEpochMilli() - System.currentTimeMillis());
            clock.schedule(() -> {
                fire(function, schedule, next.toInstant());
                arm(function, schedule);
            }, delay, TimeUnit.MILLISECONDS);
        });
    }

    private Invocation.Result fire(FunctionProcess function, ScheduleDef schedule, Instant scheduledTime) {
        out.println("schedule " + schedule.name() + " fires " + function.function().name());
        return function.invoke(Schedules.input(schedule.input(), schedule.name(), scheduledTime));
    }

    /** Fires the schedule named {@code scheduleName} (its name or its event's) now, enabled or not; empty if none is. */
    Optional<Invocation.Result> trigger(String scheduleName) {
        for (FunctionProcess function : functions) {
            for (ScheduleDef schedule : function.function().schedules()) {
                if (schedule.name().equals(scheduleName) || schedule.eventName().equals(scheduleName)) {
                    return Optional.of(fire(function, schedule, Instant.now()));
                }
            }
        }
        return Optional.empty();
    }
}
