/* testgen quest 0.1.0 (quest-compatible generator of calling-convention tests) */
/* testgen quest -test scalars -n 1 -seed 4 -2 -o scalars-seed4 */
/* seed: 4 (this file again: the same options with -seed 4) */
/* suite: scalars; build: cc -std=c11 scalars-seed4-main.c scalars-seed4-callee.c && ./a.out; prints QUEST-MISMATCH lines, exits with their number */
#include <float.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#ifdef QUEST_ABORT
#include <stdlib.h>
#endif

#if defined(__clang__)
#define Q_NOINLINE __attribute__((noinline))
#elif defined(__GNUC__) && !defined(__TINYC__) && !defined(__PCC__)
#define Q_NOINLINE __attribute__((noinline, noclone))
#else
#define Q_NOINLINE
#endif
#define Q_LDBL_BYTES (LDBL_MANT_DIG == 64 ? 10ul : (unsigned long)sizeof(long double))

static unsigned q_failures;
static unsigned q_case;

static void q_hex(const void *p, unsigned long n)
{
  const unsigned char *b = (const unsigned char *)p;
  while (n--) printf("%02x", *b++);
}

#ifdef Q_COUNT_CHECKS
static unsigned long q_checks; /* how many values were compared (bench/quest_loop.py) */
#define Q_COUNT() (q_checks++)
#else
#define Q_COUNT() ((void)0)
#endif

static void q_check(const char *function, const char *field, const void *expected, const void *received,
                    unsigned long n)
{
  Q_COUNT();
  if (memcmp(expected, received, n) == 0) return;
  q_failures++;
  printf("QUEST-MISMATCH case=%u %s field=%s expected=", q_case, function, field);
  q_hex(expected, n);
  printf(" received=");
  q_hex(received, n);
  printf("\n");
#ifdef QUEST_ABORT
  fflush(stdout);
  abort();
#endif
}

/* A bitfield, compared as a whole integer. */
static void q_check_bits(const char *function, const char *field, unsigned long long expected,
                         unsigned long long received)
{
  q_check(function, field, &expected, &received, sizeof expected);
}

/* Compares n leaves: names[i] and the expected and received bytes at
   pairs[2i] and pairs[2i+1], sizes[i] long. The callee copies what it
   received into globals, so these tables are static data and a function's
   checks are one call: most of a test's compile time used to be its checks. */
static Q_NOINLINE void q_check_all(const char *function, const char *const *names, const void *const *pairs,
                                   const unsigned short *sizes, unsigned n)
{
  unsigned i;
  for (i = 0; i < n; i++) q_check(function, names[i], pairs[2 * i], pairs[2 * i + 1], sizes[i]);
}

/* Compares one leaf by its bytes; q_fn names the function doing it. */
#define Q_CHECK(T, e, g, field) \
  do { T q_e = (e); T q_g = (g); q_check(q_fn, field, &q_e, &q_g, sizeof q_e); } while (0)
#define Q_CHECK_LD(e, g, field) \
  do { long double q_e = (e); long double q_g = (g); q_check(q_fn, field, &q_e, &q_g, Q_LDBL_BYTES); } while (0)
#define Q_CHECK_CLD(e, g, field) \
  do { long double _Complex q_e = (e); long double _Complex q_g = (g); \
       q_check(q_fn, field ":re", &q_e, &q_g, Q_LDBL_BYTES); \
       q_check(q_fn, field ":im", (const char *)&q_e + sizeof(long double), \
               (const char *)&q_g + sizeof(long double), Q_LDBL_BYTES); } while (0)

/* seed: 4 */
double **q4_arg0 = (double **)(uintptr_t)0x9e0a00ULL;
char *q4_arg1 = (char *)(uintptr_t)0xe1e4f6e3e88d34d4ULL;
double q4_arg2 = 0x101df6ec7e93fap+24;
float q4_arg3 = 0x1fdp+0f;
static const unsigned long q4_layout[] = {
  sizeof(double **),
  _Alignof(double **),
  sizeof(char *),
  _Alignof(char *),
  sizeof(double),
  _Alignof(double),
  sizeof(float),
  _Alignof(float),
};
static const char *const q4_layout_fields[] = {
  "sizeof:arg0",
  "alignof:arg0",
  "sizeof:arg1",
  "alignof:arg1",
  "sizeof:arg2",
  "alignof:arg2",
  "sizeof:arg3",
  "alignof:arg3",
};
extern const unsigned long q4_layout_callee[];
static void q4_init(void)
{
}
Q_NOINLINE void q4_callee(double **arg0, char *arg1, double arg2, float arg3);
static void q4_caller(void)
{
  { static const char q_fn[] = "seed=4 function=layout"; unsigned long q_i;
    for (q_i = 0; q_i < 8; q_i++) q_check(q_fn, q4_layout_fields[q_i], &q4_layout[q_i], &q4_layout_callee[q_i], sizeof(unsigned long)); }
  q4_init();
  q4_callee(q4_arg0, q4_arg1, q4_arg2, q4_arg3);
}

unsigned q_callee_failures(void);
void q_callee_set_case(unsigned c);

int main(void)
{
  unsigned q_total;
  (void)q_check; (void)q_check_all; (void)q_check_bits;
  q_case = 0; q_callee_set_case(0); q4_caller();
  q_total = q_failures + q_callee_failures();
#ifdef Q_COUNT_CHECKS
  fprintf(stderr, "QUEST-CHECKS %lu\n", q_checks);
#endif
  return q_total > 125 ? 125 : (int)q_total;
}
