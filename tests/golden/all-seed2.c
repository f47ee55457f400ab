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

static void q_check(const char *function, const char *field, const void *expected, const void *received,
                    unsigned long n)
{
  if (memcmp(expected, received, n) == 0) return;
  q_failures++;
  printf("QUEST-MISMATCH case=%u %s field=%s expected=", q_case, function, field);
  q_hex(expected, n);
  printf(" received=");
  q_hex(received, n);
  printf("\n");
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
static union q2_s1 q2_arg0;
static struct q2_s2 q2_arg1;
static double q2_result;
static void q2_init(void)
{
  q2_arg0.a = (long)2LL;
  q2_arg1.a = (double (*)(int, ...))(uintptr_t)0xedbf1beb1dcb14afULL;
  q2_arg1.b = -0xcdc2677465197b08p-937L;
  q2_arg1.c = (unsigned short)0x0ULL;
  q2_result = 0x1ac6c807cedc53p+604;
}
static Q_NOINLINE double q2_callee(union q2_s1 arg0, struct q2_s2 arg1)
{
  static const char q_fn[] = "seed=2 function=q2_callee";
  (void)q_fn;
  Q_CHECK(long, q2_arg0.a, arg0.a, "arg0.a");
  { double (*q_e)(int, ...) = q2_arg1.a; double (*q_g)(int, ...) = arg1.a; q_check(q_fn, "arg1.a", &q_e, &q_g, sizeof q_e); }
  Q_CHECK_LD(q2_arg1.b, arg1.b, "arg1.b");
  Q_CHECK(unsigned short, q2_arg1.c, arg1.c, "arg1.c");
  return q2_result;
}
static void q2_caller(void)
{
  q2_init();
  {
    static const char q_fn[] = "seed=2 function=q2_callee";
  (void)q_fn;
    double q_r;
    q_r = q2_callee(q2_arg0, q2_arg1);
  Q_CHECK(double, q2_result, q_r, "result");
  }
}

/* seed: 1884871951439679575 */
union q1a28690da8a8d057_s1 { char a; double b; };
typedef unsigned long q1a28690da8a8d057_va0_t;
static long q1a28690da8a8d057_arg0;
static char q1a28690da8a8d057_arg1;
static int (*q1a28690da8a8d057_arg2)(void);
static union q1a28690da8a8d057_s1 q1a28690da8a8d057_arg3;
static unsigned long q1a28690da8a8d057_vararg0;
static char q1a28690da8a8d057_result;
static void q1a28690da8a8d057_init(void)
{
  q1a28690da8a8d057_arg0 = (long)2046115020837172229LL;
  q1a28690da8a8d057_arg1 = (char)0LL;
  q1a28690da8a8d057_arg2 = (int (*)(void))(uintptr_t)0x0ULL;
  q1a28690da8a8d057_arg3.a = (char)-1LL;
  q1a28690da8a8d057_vararg0 = (unsigned long)0x7fffffffffffffffULL;
  q1a28690da8a8d057_result = (char)-101LL;
}
static Q_NOINLINE char q1a28690da8a8d057_callee(long arg0, char arg1, int (*arg2)(void), union q1a28690da8a8d057_s1 arg3, ...)
{
  static const char q_fn[] = "seed=1884871951439679575 function=q1a28690da8a8d057_callee";
  (void)q_fn;
  va_list ap;
  Q_CHECK(long, q1a28690da8a8d057_arg0, arg0, "arg0");
  Q_CHECK(char, q1a28690da8a8d057_arg1, arg1, "arg1");
  { int (*q_e)(void) = q1a28690da8a8d057_arg2; int (*q_g)(void) = arg2; q_check(q_fn, "arg2", &q_e, &q_g, sizeof q_e); }
  Q_CHECK(char, q1a28690da8a8d057_arg3.a, arg3.a, "arg3.a");
  va_start(ap, arg3);
  {
    q1a28690da8a8d057_va0_t q_v = va_arg(ap, q1a28690da8a8d057_va0_t);
  Q_CHECK(unsigned long, q1a28690da8a8d057_vararg0, q_v, "vararg0");
  }
  va_end(ap);
  return q1a28690da8a8d057_result;
}
static void q1a28690da8a8d057_caller(void)
{
  q1a28690da8a8d057_init();
  {
    static const char q_fn[] = "seed=1884871951439679575 function=q1a28690da8a8d057_callee";
  (void)q_fn;
    char q_r;
    q_r = q1a28690da8a8d057_callee(q1a28690da8a8d057_arg0, q1a28690da8a8d057_arg1, q1a28690da8a8d057_arg2, q1a28690da8a8d057_arg3, q1a28690da8a8d057_vararg0);
  Q_CHECK(char, q1a28690da8a8d057_result, q_r, "result");
  }
}

int main(void)
{
  unsigned q_total;
  (void)q_check;
  q_case = 0; q2_caller();
  q_case = 1; q1a28690da8a8d057_caller();
  q_total = q_failures;
  return q_total > 125 ? 125 : (int)q_total;
}
