/* seqwin-check: judges a seqwin-sim trace.
 *
 *   usage: seqwin-check EVENTS.csv COVER.json
 *   exit:  0 accept, 1 reject (a violation: the first line of stdout says
 *          which), 3 the trace cannot be read
 *
 * The property: the sender takes a packet as acknowledged only if the
 * receiver has it. COVER.json gets the coverpoints the trace reached, as
 * a JSON array of names; the checker reports nothing else (no counts, no
 * closeness to anything); a violation is a coverpoint too
 * (acked_but_never_received), which a campaign can aim at. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_PACKETS 5000

static const char *const kPoints[] = {
    "data_lost",         "ack_lost",     "retransmit",     "many_retransmits", "dup_data_received",
    "out_of_order_arrival", "window_full", "sack_block_sent", "acked_by_sack",  "stale_ack",
    "window_beyond_half_sack_space",    "transfer_done",  "gave_up",          "reordered_data",
    "acked_but_never_received"};
enum { N_POINTS = sizeof kPoints / sizeof kPoints[0] };

static int reached[N_POINTS];
static void cover(const char *name) {
  int i;
  for (i = 0; i < N_POINTS; i++)
    if (!strcmp(kPoints[i], name)) reached[i] = 1;
}

/* "key=NUMBER" inside an info cell, or -1. */
static long field(const char *info, const char *key) {
  const char *at = strstr(info, key);
  return at ? strtol(at + strlen(key), NULL, 10) : -1;
}

int main(int argc, char **argv) {
  static char received[MAX_PACKETS];
  char line[512], violation[160] = "";
  long window = -1, retransmits = 0, last_arrival = -1;
  FILE *in, *out;
  int i, first = 1;
  if (argc != 3) {
    fprintf(stderr, "usage: seqwin-check EVENTS.csv COVER.json\n");
    return 3;
  }
  in = fopen(argv[1], "r");
  if (!in) {
    fprintf(stderr, "%s: cannot open\n", argv[1]);
    return 3;
  }
  if (!fgets(line, sizeof line, in) || strncmp(line, "t_us,side,event,seq,info", 24)) {
    fprintf(stderr, "%s: not a seqwin trace\n", argv[1]);
    fclose(in);
    return 3;
  }
  while (fgets(line, sizeof line, in)) {
    char side[32], event[48], info[400] = "";
    long t, seq;
    if (sscanf(line, "%ld,%31[^,],%47[^,],%ld,%399[^\n]", &t, side, event, &seq, info) < 4 || seq < 0 ||
        seq >= MAX_PACKETS)
      continue;
    if (!strcmp(event, "config")) window = field(info, "window=");
    else if (!strcmp(event, "drop_data")) cover("data_lost");
    else if (!strcmp(event, "drop_ack")) cover("ack_lost");
    else if (!strcmp(event, "retransmit")) {
      cover("retransmit");
      if (++retransmits >= 10) cover("many_retransmits");
    } else if (!strcmp(event, "send")) {
      if (field(info, "outstanding=") == window) cover("window_full");
    } else if (!strcmp(event, "dup_data")) cover("dup_data_received");
    else if (!strcmp(event, "recv") || !strcmp(event, "recv_out_of_order")) {
      if (event[4]) cover("out_of_order_arrival");
      if (seq < last_arrival) cover("reordered_data");
      last_arrival = seq;
      received[seq] = 1;
    } else if (!strcmp(event, "ack_sack")) cover("sack_block_sent");
    else if (!strcmp(event, "stale_ack")) cover("stale_ack");
    else if (!strcmp(event, "window")) {
      if (field(info, "outstanding=") * 2 > field(info, "space=")) cover("window_beyond_half_sack_space");
    } else if (!strcmp(event, "acked") || !strcmp(event, "acked_by_sack")) {
      if (event[5]) cover("acked_by_sack");
      if (!received[seq]) cover("acked_but_never_received");
      if (!received[seq] && !*violation)
        snprintf(violation, sizeof violation, "packet %ld acknowledged but never received", seq);
    } else if (!strcmp(event, "done")) cover("transfer_done");
    else if (!strcmp(event, "gave_up")) cover("gave_up");
  }
  fclose(in);
  out = fopen(argv[2], "w");
  if (!out) {
    fprintf(stderr, "%s: cannot write\n", argv[2]);
    return 3;
  }
  fputc('[', out);
  for (i = 0; i < N_POINTS; i++)
    if (reached[i]) {
      fprintf(out, "%s\"%s\"", first ? "" : ",", kPoints[i]);
      first = 0;
    }
  fputs("]\n", out);
  fclose(out);
  if (*violation) {
    printf("%s\n", violation);
    return 1;
  }
  printf("ok\n");
  return 0;
}
