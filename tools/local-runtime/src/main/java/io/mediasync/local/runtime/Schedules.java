package io.mediasync.local.runtime;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** EventBridge Scheduler expressions: {@code cron(min hour dom month dow year)} and {@code rate(N unit)}. */
public final class Schedules {

    private static final Pattern CRON = Pattern.compile("^cron\\((.+)\\)$");
    private static final Pattern RATE = Pattern.compile("^rate\\((\\d+)\\s+(minute|minutes|hour|hours|day|days)\\)$");
    // EventBridge cron is Quartz cron without the seconds field
    private static final CronParser QUARTZ = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));

    private Schedules() {
    }

    /**
     * The input as EventBridge Scheduler delivers it: its context attributes ({@code <aws.scheduler.scheduled-time>},
     * {@code <aws.scheduler.execution-id>}, {@code <aws.scheduler.attempt-number>}, {@code <aws.scheduler.schedule-arn>})
     * replaced by their values for this firing.
     */
    public static String input(String template, String scheduleName, Instant scheduledTime) {
        return template.replace("<aws.scheduler.scheduled-time>", scheduledTime.truncatedTo(ChronoUnit.SECONDS).toString())
                .replace("<aws.scheduler.execution-id>", UUID.randomUUID().toString().replace("-", "").substring(0, 16))
                .replace("<aws.scheduler.attempt-number>", "1")
                .replace("<aws.scheduler.schedule-arn>", "arn:aws:scheduler:us-east-1:000000000000:schedule/default/" + scheduleName);
    }

    /** The next time the schedule fires after {@code now}, in the schedule's time zone. */
    public static Optional<ZonedDateTime> next(String expression, String timezone, ZonedDateTime now) {
        ZonedDateTime from = now.withZoneSameInstant(ZoneId.of(timezone == null || timezone.isBlank() ? "UTC" : timezone));
        Matcher cron = CRON.matcher(expression.trim());
        if (cron.matches()) {
            return ExecutionTime.forCron(QUARTZ.parse("0 " + cron.group(1).trim())).nextExecution(from);
        }
        Matcher rate = RATE.matcher(expression.trim());
        if (rate.matches()) {
            long n = Long.parseLong(rate.group(1));
            Duration every = switch (rate.group(2)) {
                case "minute", "minutes" -> Duration.ofMinutes(n);
                case "hour", "hours" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
            return Optional.of(from.plus(every));
        }
        throw new IllegalArgumentException("unsupported schedule expression: " + expression + " (cron(...) or rate(N unit))");
    }
}
