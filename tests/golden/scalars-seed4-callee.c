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

unsigned q_callee_failures(void) { (void)q_check; (void)q_check_all; (void)q_check_bits; return q_failures; }
void q_callee_set_case(unsigned c) { q_case = c; }

/* seed: 4 */
extern double **q4_arg0;
extern char *q4_arg1;
extern double q4_arg2;
extern float q4_arg3;
static double **q4_got0;
static char *q4_got1;
static double q4_got2;
static float q4_got3;
const unsigned long q4_layout_callee[] = {
  sizeof(double **),
  _Alignof(double **),
  sizeof(char *),
  _Alignof(char *),
  sizeof(double),
  _Alignof(double),
  sizeof(float),
  _Alignof(float),
};
Q_NOINLINE void q4_callee(double **arg0, char *arg1, double arg2, float arg3)
{
  static const char q_fn[] = "seed=4 function=q4_callee";
  (void)q_fn;
  q4_got0 = arg0;
  q4_got1 = arg1;
  q4_got2 = arg2;
  q4_got3 = arg3;
{
  static const char *const q_n[] = {"arg0","arg1","arg2","arg3",};
  static const void *const q_p[] = {&q4_arg0,&q4_got0,&q4_arg1,&q4_got1,&q4_arg2,&q4_got2,&q4_arg3,&q4_got3,};
  static const unsigned short q_s[] = {sizeof q4_arg0,sizeof q4_arg1,sizeof q4_arg2,sizeof q4_arg3,};
  q_check_all(q_fn, q_n, q_p, q_s, 4);
}
}
