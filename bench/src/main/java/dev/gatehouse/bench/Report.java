package dev.gatehouse.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns bench/run's raw measurements ({@code load.tsv}, {@code extra.tsv}, {@code machine.txt},
 * {@code jmh.txt}) into the results table: medians over rounds, each row's ratio to the SDK
 * baseline, and the targets checked. Prints it and writes it to {@code results.md}.
 */
public final class Report {

  static final String BASELINE = "sdk-immediate";

  private record Row(String target, int connections, double rps, double p50, double p99, long errors) {}

  private Report() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    Path out = Path.of(args[1]);
    List<Row> rows = medians(Files.readAllLines(dir.resolve("load.tsv")));
    Map<String, String> extra = new LinkedHashMap<>();
    for (String line : Files.readAllLines(dir.resolve("extra.tsv")).subList(1, Files.readAllLines(dir.resolve("extra.tsv")).size())) {
      String[] f = line.split("\t", 2);
      extra.put(f[0], f[1]);
    }
    StringBuilder md = new StringBuilder("# Benchmark results\n\n");
    md.append("Produced by `bench/run` (see [bench/README.md](README.md)). Machine and settings:\n\n```\n");
    md.append(Files.readString(dir.resolve("machine.txt"))).append("```\n\n");
    md.append("Each server serves one `echo` tool; every request is a `tools/call` on an initialized session ")
        .append("(stateless servers: no session). Requests/s, p50 and p99 are medians over the rounds; ")
        .append("errors are summed; the ratio is to `").append(BASELINE)
        .append("` (the SDK's servlet transport with `immediateExecution(true)`, its fastest) at the same connection count.\n\n");
    for (int connections : rows.stream().map(Row::connections).distinct().sorted().toList()) {
      md.append("## ").append(connections).append(" connections\n\n");
      md.append("| Server | Requests/s | p50 ms | p99 ms | Errors | × SDK baseline |\n|---|---:|---:|---:|---:|---:|\n");
      double base = rps(rows, BASELINE, connections);
      for (Row r : rows) {
        if (r.connections() == connections) {
          md.append(String.format("| %s | %,.0f | %.2f | %.2f | %d | %.2f |%n",
              r.target(), r.rps(), r.p50(), r.p99(), r.errors(), base > 0 ? r.rps() / base : 0));
        }
      }
      md.append('\n');
    }
    md.append("## Targets\n\n| Target | Measured | Met |\n|---|---|---|\n");
    for (int c : rows.stream().map(Row::connections).distinct().sorted().toList()) {
      double base = rps(rows, BASELINE, c);
      target(md, "Gatehouse + JwtAuth RS256 ≥ 0.9 × SDK baseline (" + c + " conn.)", rps(rows, "gatehouse-rs256", c) / base, 0.9);
      target(md, "Gatehouse + JwtAuth ES256 ≥ 0.9 × SDK baseline (" + c + " conn.)", rps(rows, "gatehouse-es256", c) / base, 0.9);
      target(md, "Gatehouse ≥ 4 × TypeScript SDK (" + c + " conn.)", rps(rows, "gatehouse", c) / rps(rows, "typescript-sdk", c), 4);
      target(md, "Gatehouse ≥ 0.5 × plain Jetty (" + c + " conn.)", rps(rows, "gatehouse", c) / rps(rows, "plain-jetty", c), 0.5);
    }
    List<String[]> starts = tsv(dir.resolve("start.tsv"));
    for (String[] f : starts) {
      long start = Long.parseLong(f[3]);
      md.append(String.format("| Start to first served `tools/call` < 1 s, %s (runs: %s ms) | %d ms | %s |%n",
          f[0], f[4], start, start < 1000 ? "yes" : "**no**"));
    }
    long heap = Long.parseLong(extra.getOrDefault("heap_per_idle_session_bytes", "-1"));
    md.append(String.format("| Heap per idle session < 50 KB (1,000 sessions, after GC) | %,d bytes | %s |%n",
        heap, heap >= 0 && heap < 50 * 1024 ? "yes" : "**no**"));
    long streaming = Long.parseLong(extra.getOrDefault("heap_per_streaming_session_bytes", "-1"));
    if (streaming >= 0) {
      md.append(String.format("%nHeap per session with its GET stream open (1,000 more sessions, after GC): %,d bytes.%n", streaming));
    }
    long rss = Long.parseLong(extra.getOrDefault("todo_idle_rss_kb", "-1"));
    if (rss >= 0) {
      md.append(String.format("%nIdle RSS of the todo example (embedded authorization server on): %,d KB.%n", rss));
    }
    if (!starts.isEmpty()) {
      md.append("\n### Start-up variants\n\n| Variant | Java | Options | Median ms |\n|---|---|---|---:|\n");
      for (String[] f : starts) {
        md.append(String.format("| %s | %s | `%s` | %s |%n", f[0], f[1], f[2].isEmpty() ? "-" : f[2].replaceAll("=\\S*/", "="), f[3]));
      }
      md.append("\nThe archive and the cache are each made by one training run first (`GATEHOUSE_TRAINING_RUN=true`).\n");
    }
    List<String[]> warmups = tsv(dir.resolve("warmup.tsv"));
    if (!warmups.isEmpty()) {
      md.append("\n### Warm-up before the rounds\n\nRequests/s in each 10 s step at the lowest connection count, until two steps agree within 5 %:\n\n| Server | Seconds | Steps |\n|---|---:|---|\n");
      for (String[] f : warmups) {
        md.append(String.format("| %s | %s | %s |%n", f[0], f[1], f[2]));
      }
    }
    Path jmh = dir.resolve("jmh.txt");
    if (Files.exists(jmh)) {
      md.append("\n## Micro-benchmarks (JMH)\n\n```\n").append(Files.readString(jmh).strip()).append("\n```\n");
    }
    Files.writeString(out, md.toString());
    System.out.println(md);
  }

  /** The rows of a tab-separated file after its header; none when the file is absent. */
  private static List<String[]> tsv(Path file) throws IOException {
    if (!Files.exists(file)) {
      return List.of();
    }
    List<String> lines = Files.readAllLines(file);
    List<String[]> rows = new ArrayList<>();
    for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
      if (!line.isBlank()) {
        rows.add(line.split("\t", -1));
      }
    }
    return rows;
  }

  private static void target(StringBuilder md, String what, double ratio, double goal) {
    if (Double.isNaN(ratio) || Double.isInfinite(ratio)) {
      return; // a subset run (ONLY=) without one of the two servers
    }
    md.append(String.format("| %s | %.2f × | %s |%n", what, ratio, ratio >= goal ? "yes" : "**no**"));
  }

  private static double rps(List<Row> rows, String target, int connections) {
    return rows.stream().filter(r -> r.target().equals(target) && r.connections() == connections)
        .mapToDouble(Row::rps).findFirst().orElse(Double.NaN);
  }

  /** One row per (target, connections), in first-seen order: medians of the rounds. */
  private static List<Row> medians(List<String> lines) {
    Map<String, List<String[]>> groups = new LinkedHashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t");
      groups.computeIfAbsent(f[1] + "\t" + f[2], k -> new ArrayList<>()).add(f);
    }
    List<Row> rows = new ArrayList<>();
    groups.forEach((key, runs) -> rows.add(new Row(
        runs.get(0)[1], Integer.parseInt(runs.get(0)[2]),
        median(runs, 3), median(runs, 4), median(runs, 5),
        runs.stream().mapToLong(f -> Long.parseLong(f[6])).sum())));
    return rows;
  }

  private static double median(List<String[]> runs, int column) {
    double[] values = runs.stream().mapToDouble(f -> Double.parseDouble(f[column])).sorted().toArray();
    return values.length % 2 == 1 ? values[values.length / 2]
        : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
  }
}
