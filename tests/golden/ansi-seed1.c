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
static long q1_arg0[1][1] = { [0] = { [0] = (long)(-9223372036854775807LL - 1) } };
static union q1_s1 *q1_arg1 = (union q1_s1 *)(uintptr_t)0x54ed335a6c158c2cULL;
static union q1_s2 q1_arg2[1] = { [0] = { .a = (char)17LL } };
static float **q1_arg3 = (float **)(uintptr_t)0xab706e3f0b71e849ULL;
static float *q1_arg4 = (float *)(uintptr_t)0x0ULL;
static union q1_s4 q1_arg5;
static char **q1_arg6 = (char **)(uintptr_t)0x3c7580ULL;
static int (*q1_arg7)[2] = (int (*)[2])(uintptr_t)0x16e840ULL;
static double q1_vararg0[3] = { [0] = -0x1p-1022, [1] = 0x1dfb1e3e04a263p+522, [2] = 0x1bcc72f9be088fp-974 };
static union q1_s6 q1_vararg1 = { .a = 0x1b5ecd241a5f8bp+965 };
static long long *q1_vararg2 = (long long *)(uintptr_t)0x0ULL;
static union q1_s7 *q1_vararg3 = (union q1_s7 *)(uintptr_t)0x94a5cc744dbc42ccULL;
static union q1_s8 q1_result = { .a = (double *)(uintptr_t)0x25da90ULL };
static long q1_got0[1][1];
static union q1_s1 *q1_got1;
static union q1_s2 q1_got2[1];
static float **q1_got3;
static float *q1_got4;
static union q1_s4 q1_got5;
static char **q1_got6;
static int (*q1_got7)[2];
static q1_va0_t q1_gotva0;
static q1_va0_t const q1_xva0 = q1_vararg0;
static q1_va1_t q1_gotva1;
static q1_va2_t q1_gotva2;
static q1_va3_t q1_gotva3;
static union q1_s8 q1_gotr;
static void q1_init(void)
{
  { uint32_t q_u = 0xffc10b3eu; float q_f; memcpy(&q_f, &q_u, sizeof q_f); q1_arg5.a.a = q_f; }
}
Q_NOINLINE union q1_s8 q1_callee(long arg0[1][1], union q1_s1 *arg1, union q1_s2 arg2[1], float **arg3, float *arg4, union q1_s4 arg5, char **arg6, int (*arg7)[2], ...)
{
  static const char q_fn[] = "seed=1 function=q1_callee";
  (void)q_fn;
  va_list ap;
  memcpy(q1_got0, arg0, sizeof q1_got0);
  q1_got1 = arg1;
  memcpy(q1_got2, arg2, sizeof q1_got2);
  q1_got3 = arg3;
  q1_got4 = arg4;
  q1_got5 = arg5;
  q1_got6 = arg6;
  q1_got7 = arg7;
  va_start(ap, arg7);
  q1_gotva0 = va_arg(ap, q1_va0_t);
  q1_gotva1 = va_arg(ap, q1_va1_t);
  q1_gotva2 = va_arg(ap, q1_va2_t);
  q1_gotva3 = va_arg(ap, q1_va3_t);
  va_end(ap);
{
  static const char *const q_n[] = {"arg0[0][0]","arg1","arg2[0].a","arg3","arg4","arg5.a.a","arg6","arg7","vararg0","vararg1.a","vararg2","vararg3",};
  static const void *const q_p[] = {&q1_arg0[0][0],&q1_got0[0][0],&q1_arg1,&q1_got1,&q1_arg2[0].a,&q1_got2[0].a,&q1_arg3,&q1_got3,&q1_arg4,&q1_got4,&q1_arg5.a.a,&q1_got5.a.a,&q1_arg6,&q1_got6,&q1_arg7,&q1_got7,&q1_xva0,&q1_gotva0,&q1_vararg1.a,&q1_gotva1.a,&q1_vararg2,&q1_gotva2,&q1_vararg3,&q1_gotva3,};
  static const unsigned short q_s[] = {sizeof q1_arg0[0][0],sizeof q1_arg1,sizeof q1_arg2[0].a,sizeof q1_arg3,sizeof q1_arg4,sizeof q1_arg5.a.a,sizeof q1_arg6,sizeof q1_arg7,sizeof q1_xva0,sizeof q1_vararg1.a,sizeof q1_vararg2,sizeof q1_vararg3,};
  q_check_all(q_fn, q_n, q_p, q_s, 12);
}
  return q1_result;
}
static void q1_caller(void)
{
  q1_init();
  {
    static const char q_fn[] = "seed=1 function=q1_callee";
  (void)q_fn;
    q1_gotr = q1_callee(q1_arg0, q1_arg1, q1_arg2, q1_arg3, q1_arg4, q1_arg5, q1_arg6, q1_arg7, q1_vararg0, q1_vararg1, q1_vararg2, q1_vararg3);
  {
    static const char *const q_n[] = {"result.a",};
    static const void *const q_p[] = {&q1_result.a,&q1_gotr.a,};
    static const unsigned short q_s[] = {sizeof q1_result.a,};
    q_check_all(q_fn, q_n, q_p, q_s, 1);
  }
  }
}

/* seed: 12966619160104079557 */
static float qb3f2af6d0fc710c5_arg0 = 0x0p+0f;
static unsigned char qb3f2af6d0fc710c5_arg1 = (unsigned char)0x0ULL;
static double qb3f2af6d0fc710c5_result = 0x25fp+0;
static float qb3f2af6d0fc710c5_got0;
static unsigned char qb3f2af6d0fc710c5_got1;
static double qb3f2af6d0fc710c5_gotr;
static void qb3f2af6d0fc710c5_init(void)
{
}
Q_NOINLINE double qb3f2af6d0fc710c5_callee(float arg0, unsigned char arg1)
{
  static const char q_fn[] = "seed=12966619160104079557 function=qb3f2af6d0fc710c5_callee";
  (void)q_fn;
  qb3f2af6d0fc710c5_got0 = arg0;
  qb3f2af6d0fc710c5_got1 = arg1;
{
  static const char *const q_n[] = {"arg0","arg1",};
  static const void *const q_p[] = {&qb3f2af6d0fc710c5_arg0,&qb3f2af6d0fc710c5_got0,&qb3f2af6d0fc710c5_arg1,&qb3f2af6d0fc710c5_got1,};
  static const unsigned short q_s[] = {sizeof qb3f2af6d0fc710c5_arg0,sizeof qb3f2af6d0fc710c5_arg1,};
  q_check_all(q_fn, q_n, q_p, q_s, 2);
}
  return qb3f2af6d0fc710c5_result;
}
static void qb3f2af6d0fc710c5_caller(void)
{
  qb3f2af6d0fc710c5_init();
  {
    static const char q_fn[] = "seed=12966619160104079557 function=qb3f2af6d0fc710c5_callee";
  (void)q_fn;
    qb3f2af6d0fc710c5_gotr = qb3f2af6d0fc710c5_callee(qb3f2af6d0fc710c5_arg0, qb3f2af6d0fc710c5_arg1);
  {
    static const char *const q_n[] = {"result",};
    static const void *const q_p[] = {&qb3f2af6d0fc710c5_result,&qb3f2af6d0fc710c5_gotr,};
    static const unsigned short q_s[] = {sizeof qb3f2af6d0fc710c5_result,};
    q_check_all(q_fn, q_n, q_p, q_s, 1);
  }
  }
}

int main(void)
{
  unsigned q_total;
  (void)q_check; (void)q_check_all; (void)q_check_bits;
  q_case = 0; q1_caller();
  q_case = 1; qb3f2af6d0fc710c5_caller();
  q_total = q_failures;
#ifdef Q_COUNT_CHECKS
  fprintf(stderr, "QUEST-CHECKS %lu\n", q_checks);
#endif
  return q_total > 125 ? 125 : (int)q_total;
}
