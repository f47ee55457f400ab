/* testgen quest 0.1.0 (quest-compatible generator of calling-convention tests) */
/* testgen quest -test all -n 2 -s 1 -seed 2 */
/* seed: 2 (this file again: the same options with -seed 2) */
/* suite: all; build: cc -std=c11 FILE.c && ./a.out; prints QUEST-MISMATCH lines, exits with their number */
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

/* seed: 2 */
union q2_s1 { long a; unsigned int b; double c; };
struct q2_s2 { double (*a)(int, ...); long double b; unsigned short c; };
static union q2_s1 q2_arg0 = { .a = (long)2LL };
static struct q2_s2 q2_arg1 = { .a = (double (*)(int, ...))(uintptr_t)0xedbf1beb1dcb14afULL, .b = -0xcdc2677465197b08p-937L, .c = (unsigned short)0x0ULL };
static double q2_result = 0x1ac6c807cedc53p+604;
static union q2_s1 q2_got0;
static struct q2_s2 q2_got1;
static double q2_gotr;
static void q2_init(void)
{
}
static Q_NOINLINE double q2_callee(union q2_s1 arg0, struct q2_s2 arg1)
{
  static const char q_fn[] = "seed=2 function=q2_callee";
  (void)q_fn;
  q2_got0 = arg0;
  q2_got1 = arg1;
{
  static const char *const q_n[] = {"arg0.a","arg1.a","arg1.b","arg1.c",};
  static const void *const q_p[] = {&q2_arg0.a,&q2_got0.a,&q2_arg1.a,&q2_got1.a,&q2_arg1.b,&q2_got1.b,&q2_arg1.c,&q2_got1.c,};
  static const unsigned short q_s[] = {sizeof q2_arg0.a,sizeof q2_arg1.a,Q_LDBL_BYTES,sizeof q2_arg1.c,};
  q_check_all(q_fn, q_n, q_p, q_s, 4);
}
  return q2_result;
}
static void q2_caller(void)
{
  q2_init();
  {
    static const char q_fn[] = "seed=2 function=q2_callee";
  (void)q_fn;
    q2_gotr = q2_callee(q2_arg0, q2_arg1);
  {
    static const char *const q_n[] = {"result",};
    static const void *const q_p[] = {&q2_result,&q2_gotr,};
    static const unsigned short q_s[] = {sizeof q2_result,};
    q_check_all(q_fn, q_n, q_p, q_s, 1);
  }
  }
}

/* seed: 1884871951439679575 */
union q1a28690da8a8d057_s1 { char a; double b; };
typedef unsigned long q1a28690da8a8d057_va0_t;
static long q1a28690da8a8d057_arg0 = (long)2046115020837172229LL;
static char q1a28690da8a8d057_arg1 = (char)0LL;
static int (*q1a28690da8a8d057_arg2)(void) = (int (*)(void))(uintptr_t)0x0ULL;
static union q1a28690da8a8d057_s1 q1a28690da8a8d057_arg3 = { .a = (char)-1LL };
static unsigned long q1a28690da8a8d057_vararg0 = (unsigned long)0x7fffffffffffffffULL;
static char q1a28690da8a8d057_result = (char)-101LL;
static long q1a28690da8a8d057_got0;
static char q1a28690da8a8d057_got1;
static int (*q1a28690da8a8d057_got2)(void);
static union q1a28690da8a8d057_s1 q1a28690da8a8d057_got3;
static q1a28690da8a8d057_va0_t q1a28690da8a8d057_gotva0;
static char q1a28690da8a8d057_gotr;
static void q1a28690da8a8d057_init(void)
{
}
static Q_NOINLINE char q1a28690da8a8d057_callee(long arg0, char arg1, int (*arg2)(void), union q1a28690da8a8d057_s1 arg3, ...)
{
  static const char q_fn[] = "seed=1884871951439679575 function=q1a28690da8a8d057_callee";
  (void)q_fn;
  va_list ap;
  q1a28690da8a8d057_got0 = arg0;
  q1a28690da8a8d057_got1 = arg1;
  q1a28690da8a8d057_got2 = arg2;
  q1a28690da8a8d057_got3 = arg3;
  va_start(ap, arg3);
  q1a28690da8a8d057_gotva0 = va_arg(ap, q1a28690da8a8d057_va0_t);
  va_end(ap);
{
  static const char *const q_n[] = {"arg0","arg1","arg2","arg3.a","vararg0",};
  static const void *const q_p[] = {&q1a28690da8a8d057_arg0,&q1a28690da8a8d057_got0,&q1a28690da8a8d057_arg1,&q1a28690da8a8d057_got1,&q1a28690da8a8d057_arg2,&q1a28690da8a8d057_got2,&q1a28690da8a8d057_arg3.a,&q1a28690da8a8d057_got3.a,&q1a28690da8a8d057_vararg0,&q1a28690da8a8d057_gotva0,};
  static const unsigned short q_s[] = {sizeof q1a28690da8a8d057_arg0,sizeof q1a28690da8a8d057_arg1,sizeof q1a28690da8a8d057_arg2,sizeof q1a28690da8a8d057_arg3.a,sizeof q1a28690da8a8d057_vararg0,};
  q_check_all(q_fn, q_n, q_p, q_s, 5);
}
  return q1a28690da8a8d057_result;
}
static void q1a28690da8a8d057_caller(void)
{
  q1a28690da8a8d057_init();
  {
    static const char q_fn[] = "seed=1884871951439679575 function=q1a28690da8a8d057_callee";
  (void)q_fn;
    q1a28690da8a8d057_gotr = q1a28690da8a8d057_callee(q1a28690da8a8d057_arg0, q1a28690da8a8d057_arg1, q1a28690da8a8d057_arg2, q1a28690da8a8d057_arg3, q1a28690da8a8d057_vararg0);
  {
    static const char *const q_n[] = {"result",};
    static const void *const q_p[] = {&q1a28690da8a8d057_result,&q1a28690da8a8d057_gotr,};
    static const unsigned short q_s[] = {sizeof q1a28690da8a8d057_result,};
    q_check_all(q_fn, q_n, q_p, q_s, 1);
  }
  }
}

int main(void)
{
  unsigned q_total;
  (void)q_check; (void)q_check_all; (void)q_check_bits;
  q_case = 0; q2_caller();
  q_case = 1; q1a28690da8a8d057_caller();
  q_total = q_failures;
#ifdef Q_COUNT_CHECKS
  fprintf(stderr, "QUEST-CHECKS %lu\n", q_checks);
#endif
  return q_total > 125 ? 125 : (int)q_total;
}
