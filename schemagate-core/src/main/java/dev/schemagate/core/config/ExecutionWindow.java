package dev.schemagate.core.config;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * A time when changes may run, in a time zone: days of the week and a daily span. A span whose end
 * is before its start runs past midnight ({@code 22:00} to {@code 02:00}), and belongs to the day
 * it starts on.
 */
public record ExecutionWindow(Set<DayOfWeek> days, LocalTime from, LocalTime to, ZoneId zone) {
  public ExecutionWindow {
    days = Set.copyOf(days);
  }

  /** True when the instant falls inside the window. */
  public boolean contains(Instant instant) {
    ZonedDateTime t = instant.atZone(zone);
    LocalTime time = t.toLocalTime();
    if (!from.isAfter(to)) {
      return days.contains(t.getDayOfWeek()) && !time.isBefore(from) && time.isBefore(to);
    }
    // Past midnight: the evening part on a listed day, or the early part the day after one.
    return (days.contains(t.getDayOfWeek()) && !time.isBefore(from))
        || (days.contains(t.getDayOfWeek().minus(1)) && time.isBefore(to));
  }

  /** For messages: {@code mon-fri 09:00-17:00 Europe/Berlin}. */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    for (DayOfWeek d : DayOfWeek.values()) {
      if (days.contains(d)) {
        sb.append(sb.length() == 0 ? "" : ",")
            .append(d.name().substring(0, 3).toLowerCase(java.util.Locale.ROOT));
      }
    }
    return sb + " " + from + "-" + to + " " + zone.getId();
  }
}
