/* seqwin-sim: a sliding-window transfer over a lossy, reordering link,
 * simulated event by event, written as a trace of events (CSV).
 *
 *   usage: seqwin-sim CONFIG.toml EVENTS.csv
 *   exit:  0 the transfer ran (the checker judges it), 2 the config is not
 *          valid (the message names the file and line), 3 it could not run
 *
 * The second example of a scenario runner, in another style than raftlog:
 * plain C, a flat config, its own checker (seqwin-check), glued by a shell
 * script (seqwin-run) that leaves run_summary.json in the log directory.
 *
 * Data packets carry full sequence numbers, cumulative acknowledgements
 * too. Selective acknowledgements (sender.sack) carry only the low
 * receiver.sack_bits bits of each block, and the sender places a block in
 * its window by those bits alone. That is the planted bug: when the window
 * holds more than half of the block space and an old acknowledgement
 * arrives late (the link reorders), a block can name a packet that was
 * never received, which the sender then never sends again. */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_PACKETS 5000
#define MAX_EVENTS (1 << 16)
#define SACK_BLOCKS 3

struct config {
  long packets, seed, window, rto_ms, sack, sack_bits, delay_ms, jitter_ms, reorder_ms;
  double loss, ack_loss;
};

/* ---- the config: a flat subset of TOML ([section], key = value) ---- */

static int set_value(struct config *c, const char *key, const char *value, const char *file, int line) {
  struct {
    const char *name;
    long *slot;
    long lo, hi;
  } ints[] = {{"packets", &c->packets, 1, MAX_PACKETS},      {"seed", &c->seed, 0, 1000000000},
              {"sender.window", &c->window, 1, 256},        {"sender.rto_ms", &c->rto_ms, 1, 10000},
              {"receiver.sack_bits", &c->sack_bits, 2, 16}, {"link.delay_ms", &c->delay_ms, 0, 1000},
              {"link.jitter_ms", &c->jitter_ms, 0, 1000},   {"link.reorder_ms", &c->reorder_ms, 0, 5000}};
  char *end;
  size_t i;
  if (!strcmp(key, "sender.sack")) {
    if (strcmp(value, "true") && strcmp(value, "false")) {
      fprintf(stderr, "%s:%d: sender.sack must be true or false, not %s\n", file, line, value);
      return 0;
    }
    c->sack = !strcmp(value, "true");
    return 1;
  }
  if (!strcmp(key, "link.loss") || !strcmp(key, "link.ack_loss")) {
    double d = strtod(value, &end);
    if (end == value || *end || d < 0 || d > 0.9) {
      fprintf(stderr, "%s:%d: %s must be a number in [0, 0.9], not %s\n", file, line, key, value);
      return 0;
    }
    *(!strcmp(key, "link.loss") ? &c->loss : &c->ack_loss) = d;
    return 1;
  }
  for (i = 0; i < sizeof ints / sizeof ints[0]; i++)
    if (!strcmp(key, ints[i].name)) {
      long v = strtol(value, &end, 10);
      if (end == value || *end || v < ints[i].lo || v > ints[i].hi) {
        fprintf(stderr, "%s:%d: %s must be an integer in [%ld, %ld], not %s\n", file, line, key, ints[i].lo,
                ints[i].hi, value);
        return 0;
      }
      *ints[i].slot = v;
      return 1;
    }
  return 1; /* other keys (log_path, tags) are not the simulator's */
}

static int read_config(const char *file, struct config *c) {
  char text[512], section[64] = "", key[600];
  int line = 0;
  FILE *in = fopen(file, "r");
  if (!in) {
    fprintf(stderr, "%s: cannot open\n", file);
    return 0;
  }
  while (fgets(text, sizeof text, in)) {
    char *s = text, *eq, *k, *v, *e;
    line++;
    while (isspace((unsigned char)*s)) s++;
    if (!*s || *s == '#') continue;
    if (*s == '[') {
      e = strchr(s, ']');
      if (!e || e - s - 1 >= (long)sizeof section) {
        fprintf(stderr, "%s:%d: bad section header\n", file, line);
        fclose(in);
        return 0;
      }
      memcpy(section, s + 1, (size_t)(e - s - 1));
      section[e - s - 1] = 0;
      continue;
    }
    eq = strchr(s, '=');
    if (!eq) {
      fprintf(stderr, "%s:%d: expected key = value\n", file, line);
      fclose(in);
      return 0;
    }
    *eq = 0;
    k = s;
    for (e = eq; e > k && isspace((unsigned char)e[-1]); e--) e[-1] = 0;
    v = eq + 1;
    while (isspace((unsigned char)*v)) v++;
    if (*v == '"') { /* a string: to the closing quote */
      e = strchr(v + 1, '"');
      if (e) e[1] = 0;
    } else {
      for (e = v; *e && *e != '#' && !isspace((unsigned char)*e); e++) {}
      *e = 0;
    }
    snprintf(key, sizeof key, "%s%s%s", section, *section ? "." : "", k);
    if (!set_value(c, key, v, file, line)) {
      fclose(in);
      return 0;
    }
  }
  fclose(in);
  return 1;
}

/* ---- a fixed random stream (splitmix64), so a seed is a run ---- */

static uint64_t rng_state;
static uint64_t next_random(void) {
  uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}
static double unit(void) { return (double)(next_random() >> 11) / 9007199254740992.0; }
static long below(long n) { return n <= 0 ? 0 : (long)(next_random() % (uint64_t)n); }

/* ---- events, in a binary heap ordered by time, then insertion ---- */

enum kind { DATA_ARRIVES, ACK_ARRIVES, TIMEOUT };
struct event {
  long time_us, order;
  enum kind kind;
  long seq;                 /* data, timeout: the packet */
  long cum;                 /* ack: the first packet not yet received */
  long blocks[SACK_BLOCKS]; /* ack: low bits of received packets above cum; -1 none */
};
static struct event heap[MAX_EVENTS];
static long heap_size, insertions;

static int before(const struct event *a, const struct event *b) {
  return a->time_us != b->time_us ? a->time_us < b->time_us : a->order < b->order;
}
static int push(struct event e) {
  long i;
  if (heap_size == MAX_EVENTS) return 0;
  e.order = insertions++;
  i = heap_size++;
  while (i > 0 && before(&e, &heap[(i - 1) / 2])) {
    heap[i] = heap[(i - 1) / 2];
    i = (i - 1) / 2;
  }
  heap[i] = e;
  return 1;
}
static struct event pop(void) {
  struct event top = heap[0], last = heap[--heap_size];
  long i = 0;
  for (;;) {
    long c = 2 * i + 1;
    if (c >= heap_size) break;
    if (c + 1 < heap_size && before(&heap[c + 1], &heap[c])) c++;
    if (!before(&heap[c], &last)) break;
    heap[i] = heap[c];
    i = c;
  }
  heap[i] = last;
  return top;
}

/* ---- the transfer ---- */

static struct config cfg;
static FILE *trace;
static long now_us;
static char received[MAX_PACKETS], acked[MAX_PACKETS];
static long base, next_seq, receiver_cum, highest_cum, highest_received = -1;

static void log_event(const char *side, const char *event, long seq, const char *info) {
  fprintf(trace, "%ld,%s,%s,%ld,%s\n", now_us, side, event, seq, info);
}

/* One trip over the link in direction `dir` (0 data, 1 acks): when it
 * arrives, or -1 if lost. The link keeps each direction in order (jitter
 * never overtakes), except the packets it holds back (link.reorder_ms),
 * which later ones pass. */
static long in_order_until[2];
static long trip(int dir, double loss) {
  long at;
  if (unit() < loss) return -1;
  at = now_us + cfg.delay_ms * 1000 + below(cfg.jitter_ms * 1000 + 1);
  if (cfg.reorder_ms > 0 && below(4) == 0) return at + 1 + below(cfg.reorder_ms * 1000);
  if (at < in_order_until[dir]) at = in_order_until[dir];
  return in_order_until[dir] = at;
}

static int send_data(long seq, int again) {
  char info[64];
  long at = trip(0, cfg.loss);
  struct event arrive = {0}, timer = {0};
  snprintf(info, sizeof info, "outstanding=%ld", next_seq - base);
  log_event("sender", again ? "retransmit" : "send", seq, info);
  if (at < 0) {
    log_event("link", "drop_data", seq, "");
  } else {
    arrive.time_us = at;
    arrive.kind = DATA_ARRIVES;
    arrive.seq = seq;
    if (!push(arrive)) return 0;
  }
  timer.time_us = now_us + cfg.rto_ms * 1000;
  timer.kind = TIMEOUT;
  timer.seq = seq;
  return push(timer);
}

static int fill_window(void) {
  while (next_seq < base + cfg.window && next_seq < cfg.packets) {
    next_seq++;
    if (!send_data(next_seq - 1, 0)) return 0;
  }
  return 1;
}

static int receive_data(long seq) {
  struct event ack = {0};
  char info[96] = "";
  long at, u;
  int n = 0;
  if (received[seq]) {
    log_event("receiver", "dup_data", seq, "");
  } else {
    received[seq] = 1;
    if (seq > highest_received) highest_received = seq;
    log_event("receiver", seq == receiver_cum ? "recv" : "recv_out_of_order", seq, "");
    while (receiver_cum < cfg.packets && received[receiver_cum]) receiver_cum++;
  }
  ack.kind = ACK_ARRIVES;
  ack.cum = receiver_cum;
  for (n = 0; n < SACK_BLOCKS; n++) ack.blocks[n] = -1;
  n = 0;
  if (cfg.sack) /* the newest received packets above cum, as their low bits */
    for (u = highest_received; u > receiver_cum && n < SACK_BLOCKS; u--)
      if (received[u]) {
        ack.blocks[n++] = u & ((1L << cfg.sack_bits) - 1);
        snprintf(info + strlen(info), sizeof info - strlen(info), "%sblock=%ld", n > 1 ? " " : "", u);
      }
  log_event("receiver", n ? "ack_sack" : "ack", receiver_cum, info);
  at = trip(1, cfg.ack_loss);
  if (at < 0) {
    log_event("link", "drop_ack", receiver_cum, "");
    return 1;
  }
  ack.time_us = at;
  return push(ack);
}

static void mark_acked(long seq, const char *how) {
  if (seq < 0 || seq >= cfg.packets || acked[seq]) return;
  acked[seq] = 1;
  log_event("sender", how, seq, "");
}

static int receive_ack(const struct event *e) {
  const long space = 1L << cfg.sack_bits;
  char info[64];
  long u;
  int i;
  if (e->cum < highest_cum) log_event("sender", "stale_ack", e->cum, "");
  if (e->cum > highest_cum) highest_cum = e->cum;
  if (e->cum <= next_seq)
    for (u = base; u < e->cum; u++) mark_acked(u, "acked");
  for (i = 0; i < SACK_BLOCKS && e->blocks[i] >= 0; i++) {
    /* The bug: placed in the window by its low bits alone. */
    u = base + (((e->blocks[i] - base) % space) + space) % space;
    if (u < next_seq) mark_acked(u, "acked_by_sack");
  }
  while (base < cfg.packets && acked[base]) base++;
  snprintf(info, sizeof info, "outstanding=%ld space=%ld", next_seq - base, space);
  log_event("sender", "window", base, info);
  return fill_window();
}

int main(int argc, char **argv) {
  long events = 0;
  if (argc != 3) {
    fprintf(stderr, "usage: seqwin-sim CONFIG.toml EVENTS.csv\n");
    return 2;
  }
  cfg = (struct config){.packets = 300, .seed = 1, .window = 8, .rto_ms = 200, .sack = 0, .sack_bits = 6,
                        .delay_ms = 20, .jitter_ms = 2, .reorder_ms = 0, .loss = 0.02, .ack_loss = 0};
  if (!read_config(argv[1], &cfg)) return 2;
  if (cfg.window > cfg.packets) cfg.window = cfg.packets;
  rng_state = (uint64_t)cfg.seed * 0x2545f4914f6cdd1dULL + 1;
  trace = fopen(argv[2], "w");
  if (!trace) {
    fprintf(stderr, "%s: cannot write\n", argv[2]);
    return 3;
  }
  fprintf(trace, "t_us,side,event,seq,info\n");
  fprintf(trace, "0,sender,config,0,window=%ld sack=%ld sack_bits=%ld rto_ms=%ld\n", cfg.window, cfg.sack,
          cfg.sack_bits, cfg.rto_ms);
  if (!fill_window()) goto full;
  while (heap_size > 0 && base < cfg.packets && now_us < 120L * 1000 * 1000) {
    struct event e = pop();
    now_us = e.time_us;
    if (++events > 2000000) break;
    if (e.kind == DATA_ARRIVES && !receive_data(e.seq)) goto full;
    if (e.kind == ACK_ARRIVES && !receive_ack(&e)) goto full;
    if (e.kind == TIMEOUT && !acked[e.seq] && e.seq >= base && !send_data(e.seq, 1)) goto full;
  }
  log_event("sender", base >= cfg.packets ? "done" : "gave_up", base, "");
  fclose(trace);
  return 0;
full:
  fprintf(stderr, "seqwin-sim: more than %d events pending\n", MAX_EVENTS);
  fclose(trace);
  return 3;
}
