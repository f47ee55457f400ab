/* testgen quest 0.1.0 (quest-compatible generator of calling-convention tests) */
/* testgen quest -test ansi -n 2 -seed 1 */
/* seed: 1 (this file again: the same options with -seed 1) */
/* suite: ansi; build: cc -std=c11 FILE.c && ./a.out; prints QUEST-MISMATCH lines, exits with their number */
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

/* seed: 1 */
union q1_s1 { double a; double b; };
union q1_s2 { char a; };
union q1_s3 { float a; };
union q1_s4 { union q1_s3 a; float *b; double c; };
struct q1_s5 { float a; double b; signed int c : 8; signed int d : 11; signed int e : 7; signed int f : 12; float g; };
union q1_s6 { double a; double b; struct q1_s5 c; };
union q1_s7 { float a; float b; float c; };
union q1_s8 { double *a; };
typedef double *q1_va0_t;
typedef union q1_s6 q1_va1_t;
typedef long long *q1_va2_t;
typedef union q1_s7 *q1_va3_t;
static long q1_arg0[1][1];
static union q1_s1 *q1_arg1;
static union q1_s2 q1_arg2[1];
static float **q1_arg3;
static float *q1_arg4;
static union q1_s4 q1_arg5;
static char **q1_arg6;
static int (*q1_arg7)[2];
static double q1_vararg0[3];
static union q1_s6 q1_vararg1;
static long long *q1_vararg2;
static union q1_s7 *q1_vararg3;
static union q1_s8 q1_result;
static void q1_init(void)
{
  q1_arg0[0][0] = (long)(-9223372036854775807LL - 1);
  q1_arg1 = (union q1_s1 *)(uintptr_t)0x54ed335a6c158c2cULL;
  q1_arg2[0].a = (char)17LL;
  q1_arg3 = (float **)(uintptr_t)0xab706e3f0b71e849ULL;
  q1_arg4 = (float *)(uintptr_t)0x0ULL;
  { uint32_t q_u = 0xffc10b3eu; float q_f; memcpy(&q_f, &q_u, sizeof q_f); q1_arg5.a.a = q_f; }
  q1_arg6 = (char **)(uintptr_t)0x3c7580ULL;
  q1_arg7 = (int (*)[2])(uintptr_t)0x16e840ULL;
  q1_vararg0[0] = -0x1p-1022;
  q1_vararg0[1] = 0x1dfb1e3e04a263p+522;
  q1_vararg0[2] = 0x1bcc72f9be088fp-974;
  q1_vararg1.a = 0x1b5ecd241a5f8bp+965;
  q1_vararg2 = (long long *)(uintptr_t)0x0ULL;
  q1_vararg3 = (union q1_s7 *)(uintptr_t)0x94a5cc744dbc42ccULL;
  q1_result.a = (double *)(uintptr_t)0x25da90ULL;
}
Q_NOINLINE union q1_s8 q1_callee(long arg0[1][1], union q1_s1 *arg1, union q1_s2 arg2[1], float **arg3, float *arg4, union q1_s4 arg5, char **arg6, int (*arg7)[2], ...)
{
  static const char q_fn[] = "seed=1 function=q1_callee";
  (void)q_fn;
  va_list ap;
  Q_CHECK(long, q1_arg0[0][0], arg0[0][0], "arg0[0][0]");
  Q_CHECK(union q1_s1 *, q1_arg1, arg1, "arg1");
  Q_CHECK(char, q1_arg2[0].a, arg2[0].a, "arg2[0].a");
  Q_CHECK(float **, q1_arg3, arg3, "arg3");
  Q_CHECK(float *, q1_arg4, arg4, "arg4");
  Q_CHECK(float, q1_arg5.a.a, arg5.a.a, "arg5.a.a");
  Q_CHECK(char **, q1_arg6, arg6, "arg6");
  { int (*q_e)[2] = q1_arg7; int (*q_g)[2] = arg7; q_check(q_fn, "arg7", &q_e, &q_g, sizeof q_e); }
  va_start(ap, arg7);
  {
    q1_va0_t q_v = va_arg(ap, q1_va0_t);
    Q_CHECK(q1_va0_t, q1_vararg0, q_v, "vararg0");
  }
  {
    q1_va1_t q_v = va_arg(ap, q1_va1_t);
  Q_CHECK(double, q1_vararg1.a, q_v.a, "vararg1.a");
  }
  {
    q1_va2_t q_v = va_arg(ap, q1_va2_t);
  Q_CHECK(long long *, q1_vararg2, q_v, "vararg2");
  }
  {
    q1_va3_t q_v = va_arg(ap, q1_va3_t);
  Q_CHECK(union q1_s7 *, q1_vararg3, q_v, "vararg3");
  }
  va_end(ap);
  return q1_result;
}
static void q1_caller(void)
{
  q1_init();
  {
    static const char q_fn[] = "seed=1 function=q1_callee";
  (void)q_fn;
    union q1_s8 q_r;
    q_r = q1_callee(q1_arg0, q1_arg1, q1_arg2, q1_arg3, q1_arg4, q1_arg5, q1_arg6, q1_arg7, q1_vararg0, q1_vararg1, q1_vararg2, q1_vararg3);
  Q_CHECK(double *, q1_result.a, q_r.a, "result.a");
  }
}

/* seed: 12966619160104079557 */
static float qb3f2af6d0fc710c5_arg0;
static unsigned char qb3f2af6d0fc710c5_arg1;
static double qb3f2af6d0fc710c5_result;
static void qb3f2af6d0fc710c5_init(void)
{
  qb3f2af6d0fc710c5_arg0 = 0x0p+0f;
  qb3f2af6d0fc710c5_arg1 = (unsigned char)0x0ULL;
  qb3f2af6d0fc710c5_result = 0x25fp+0;
}
Q_NOINLINE double qb3f2af6d0fc710c5_callee(float arg0, unsigned char arg1)
{
  static const char q_fn[] = "seed=12966619160104079557 function=qb3f2af6d0fc710c5_callee";
  (void)q_fn;
  Q_CHECK(float, qb3f2af6d0fc710c5_arg0, arg0, "arg0");
  Q_CHECK(unsigned char, qb3f2af6d0fc710c5_arg1, arg1, "arg1");
  return qb3f2af6d0fc710c5_result;
}
static void qb3f2af6d0fc710c5_caller(void)
{
  qb3f2af6d0fc710c5_init();
  {
    static const char q_fn[] = "seed=12966619160104079557 function=qb3f2af6d0fc710c5_callee";
  (void)q_fn;
    double q_r;
    q_r = qb3f2af6d0fc710c5_callee(qb3f2af6d0fc710c5_arg0, qb3f2af6d0fc710c5_arg1);
  Q_CHECK(double, qb3f2af6d0fc710c5_result, q_r, "result");
  }
}

int main(void)
{
  unsigned q_total;
  (void)q_check;
  q_case = 0; q1_caller();
  q_case = 1; qb3f2af6d0fc710c5_caller();
  q_total = q_failures;
  return q_total > 125 ? 125 : (int)q_total;
}
