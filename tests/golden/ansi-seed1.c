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
union q1_s1 { double a; double b; char c; };
union q1_s2 { union q1_s1 a; long b; };
union q1_s3 { unsigned short a; unsigned short b; };
union q1_s4 { union q1_s3 a; };
union q1_s5 { unsigned short a; double b; double c; };
union q1_s6 { double a; float b; };
struct q1_s7 { union q1_s5 a; double *b; union q1_s6 c; signed int d : 6; signed int e : 4; signed int f : 3; double *g; unsigned char h[3]; float i[2]; };
union q1_s8 { double a; double b; short c; };
struct q1_s9 { unsigned long long *a; union q1_s8 b; signed int c : 12; short d; double e; };
struct q1_s10 { long long a; int b; long long c; char d; int e; };
struct q1_s11 { unsigned long long a; };
union q1_s12 { double *a; double *b; };
typedef struct q1_s10 *q1_va0_t;
typedef struct q1_s11 q1_va1_t;
typedef double q1_va2_t;
static unsigned char q1_arg0[2][1];
static union q1_s2 q1_arg1;
static long long (*q1_arg2)[3];
static union q1_s4 q1_arg3;
static long q1_arg4[1];
static double q1_arg5[1][2];
static struct q1_s7 q1_arg6;
static struct q1_s9 q1_arg7;
static struct q1_s10 *q1_vararg0;
static struct q1_s11 q1_vararg1;
static double q1_vararg2;
static union q1_s12 q1_result;
static void q1_init(void)
{
  q1_arg0[0][0] = (unsigned char)0xa9ULL;
  q1_arg0[1][0] = (unsigned char)0x3ULL;
  q1_arg1.b = (long)14LL;
  q1_arg2 = (long long (*)[3])(uintptr_t)0x970d4010829a8c9fULL;
  q1_arg3.a.a = (unsigned short)0xaa16ULL;
  q1_arg4[0] = (long)-364432750598382240LL;
  q1_arg5[0][0] = HUGE_VAL;
  q1_arg5[0][1] = -0x151f7215ad0a2cp-267;
  q1_arg6.a.a = (unsigned short)0xf4d2ULL;
  q1_arg6.b = (double *)(uintptr_t)0x0ULL;
  q1_arg6.c.b = -0x1d8p+0f;
  q1_arg6.d = (int)0LL;
  q1_arg6.e = (int)-3LL;
  q1_arg6.f = (int)-1LL;
  q1_arg6.g = (double *)(uintptr_t)0xc84682ea250b0526ULL;
  q1_arg6.h[0] = (unsigned char)0x19ULL;
  q1_arg6.h[1] = (unsigned char)0x91ULL;
  q1_arg6.h[2] = (unsigned char)0x0ULL;
  q1_arg6.i[0] = -0xc7d743p+5f;
  q1_arg6.i[1] = -0x1p+0f;
  q1_arg7.a = (unsigned long long *)(uintptr_t)0x9f5a50ULL;
  q1_arg7.b.c = (short)-1LL;
  q1_arg7.c = (int)0LL;
  q1_arg7.d = (short)18712LL;
  q1_arg7.e = -0x1p-1074;
  q1_vararg0 = (struct q1_s10 *)(uintptr_t)0x767b20ULL;
  q1_vararg1.a = (unsigned long long)0x14ULL;
  q1_vararg2 = 0x1d9187e7b8b36ap-517;
  q1_result.b = (double *)(uintptr_t)0x6336cd1d81e71fdbULL;
}
Q_NOINLINE union q1_s12 q1_callee(unsigned char arg0[2][1], union q1_s2 arg1, long long (*arg2)[3], union q1_s4 arg3, long arg4[1], double arg5[1][2], struct q1_s7 arg6, struct q1_s9 arg7, ...)
{
  static const char q_fn[] = "seed=1 function=q1_callee";
  (void)q_fn;
  va_list ap;
  Q_CHECK(unsigned char, q1_arg0[0][0], arg0[0][0], "arg0[0][0]");
  Q_CHECK(unsigned char, q1_arg0[1][0], arg0[1][0], "arg0[1][0]");
  Q_CHECK(long, q1_arg1.b, arg1.b, "arg1.b");
  { long long (*q_e)[3] = q1_arg2; long long (*q_g)[3] = arg2; q_check(q_fn, "arg2", &q_e, &q_g, sizeof q_e); }
  Q_CHECK(unsigned short, q1_arg3.a.a, arg3.a.a, "arg3.a.a");
  Q_CHECK(long, q1_arg4[0], arg4[0], "arg4[0]");
  Q_CHECK(double, q1_arg5[0][0], arg5[0][0], "arg5[0][0]");
  Q_CHECK(double, q1_arg5[0][1], arg5[0][1], "arg5[0][1]");
  Q_CHECK(unsigned short, q1_arg6.a.a, arg6.a.a, "arg6.a.a");
  Q_CHECK(double *, q1_arg6.b, arg6.b, "arg6.b");
  Q_CHECK(float, q1_arg6.c.b, arg6.c.b, "arg6.c.b");
  Q_CHECK(long long, q1_arg6.d, arg6.d, "arg6.d");
  Q_CHECK(long long, q1_arg6.e, arg6.e, "arg6.e");
  Q_CHECK(long long, q1_arg6.f, arg6.f, "arg6.f");
  Q_CHECK(double *, q1_arg6.g, arg6.g, "arg6.g");
  Q_CHECK(unsigned char, q1_arg6.h[0], arg6.h[0], "arg6.h[0]");
  Q_CHECK(unsigned char, q1_arg6.h[1], arg6.h[1], "arg6.h[1]");
  Q_CHECK(unsigned char, q1_arg6.h[2], arg6.h[2], "arg6.h[2]");
  Q_CHECK(float, q1_arg6.i[0], arg6.i[0], "arg6.i[0]");
  Q_CHECK(float, q1_arg6.i[1], arg6.i[1], "arg6.i[1]");
  Q_CHECK(unsigned long long *, q1_arg7.a, arg7.a, "arg7.a");
  Q_CHECK(short, q1_arg7.b.c, arg7.b.c, "arg7.b.c");
  Q_CHECK(long long, q1_arg7.c, arg7.c, "arg7.c");
  Q_CHECK(short, q1_arg7.d, arg7.d, "arg7.d");
  Q_CHECK(double, q1_arg7.e, arg7.e, "arg7.e");
  va_start(ap, arg7);
  {
    q1_va0_t q_v = va_arg(ap, q1_va0_t);
  Q_CHECK(struct q1_s10 *, q1_vararg0, q_v, "vararg0");
  }
  {
    q1_va1_t q_v = va_arg(ap, q1_va1_t);
  Q_CHECK(unsigned long long, q1_vararg1.a, q_v.a, "vararg1.a");
  }
  {
    q1_va2_t q_v = va_arg(ap, q1_va2_t);
  Q_CHECK(double, q1_vararg2, q_v, "vararg2");
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
    union q1_s12 q_r;
    q_r = q1_callee(q1_arg0, q1_arg1, q1_arg2, q1_arg3, q1_arg4, q1_arg5, q1_arg6, q1_arg7, q1_vararg0, q1_vararg1, q1_vararg2);
  Q_CHECK(double *, q1_result.b, q_r.b, "result.b");
  }
}

/* seed: 12966619160104079557 */
struct qb3f2af6d0fc710c5_s1 { int a; int b; signed int c : 12; signed int d : 6; signed int e : 8; double f; unsigned int g; unsigned long h; };
struct qb3f2af6d0fc710c5_s2 { float a; unsigned int b; long long c; signed int d : 12; signed int e : 12; signed int f : 12; signed int g : 3; short h; float i; };
struct qb3f2af6d0fc710c5_s3 { double a; struct qb3f2af6d0fc710c5_s2 b; unsigned short c[3]; };
static int **qb3f2af6d0fc710c5_arg0;
static struct qb3f2af6d0fc710c5_s1 *qb3f2af6d0fc710c5_arg1;
static struct qb3f2af6d0fc710c5_s3 qb3f2af6d0fc710c5_result;
static void qb3f2af6d0fc710c5_init(void)
{
  qb3f2af6d0fc710c5_arg0 = (int **)(uintptr_t)0x1143c0ULL;
  qb3f2af6d0fc710c5_arg1 = (struct qb3f2af6d0fc710c5_s1 *)(uintptr_t)0x8a8c70ULL;
  qb3f2af6d0fc710c5_result.a = 0x153fbfbf63b6e2p-1038;
  qb3f2af6d0fc710c5_result.b.a = 0x9d8cdcp-61f;
  qb3f2af6d0fc710c5_result.b.b = (unsigned int)0x20ULL;
  qb3f2af6d0fc710c5_result.b.c = (long long)9LL;
  qb3f2af6d0fc710c5_result.b.d = (int)74LL;
  qb3f2af6d0fc710c5_result.b.e = (int)-1490LL;
  qb3f2af6d0fc710c5_result.b.f = (int)23LL;
  qb3f2af6d0fc710c5_result.b.g = (int)0LL;
  qb3f2af6d0fc710c5_result.b.h = (short)32766LL;
  qb3f2af6d0fc710c5_result.b.i = 0xc605fdp-137f;
  qb3f2af6d0fc710c5_result.c[0] = (unsigned short)0x10ULL;
  qb3f2af6d0fc710c5_result.c[1] = (unsigned short)0x981eULL;
  qb3f2af6d0fc710c5_result.c[2] = (unsigned short)0x6deeULL;
}
Q_NOINLINE struct qb3f2af6d0fc710c5_s3 qb3f2af6d0fc710c5_callee(int **arg0, struct qb3f2af6d0fc710c5_s1 *arg1)
{
  static const char q_fn[] = "seed=12966619160104079557 function=qb3f2af6d0fc710c5_callee";
  (void)q_fn;
  Q_CHECK(int **, qb3f2af6d0fc710c5_arg0, arg0, "arg0");
  Q_CHECK(struct qb3f2af6d0fc710c5_s1 *, qb3f2af6d0fc710c5_arg1, arg1, "arg1");
  return qb3f2af6d0fc710c5_result;
}
static void qb3f2af6d0fc710c5_caller(void)
{
  qb3f2af6d0fc710c5_init();
  {
    static const char q_fn[] = "seed=12966619160104079557 function=qb3f2af6d0fc710c5_callee";
  (void)q_fn;
    struct qb3f2af6d0fc710c5_s3 q_r;
    q_r = qb3f2af6d0fc710c5_callee(qb3f2af6d0fc710c5_arg0, qb3f2af6d0fc710c5_arg1);
  Q_CHECK(double, qb3f2af6d0fc710c5_result.a, q_r.a, "result.a");
  Q_CHECK(float, qb3f2af6d0fc710c5_result.b.a, q_r.b.a, "result.b.a");
  Q_CHECK(unsigned int, qb3f2af6d0fc710c5_result.b.b, q_r.b.b, "result.b.b");
  Q_CHECK(long long, qb3f2af6d0fc710c5_result.b.c, q_r.b.c, "result.b.c");
  Q_CHECK(long long, qb3f2af6d0fc710c5_result.b.d, q_r.b.d, "result.b.d");
  Q_CHECK(long long, qb3f2af6d0fc710c5_result.b.e, q_r.b.e, "result.b.e");
  Q_CHECK(long long, qb3f2af6d0fc710c5_result.b.f, q_r.b.f, "result.b.f");
  Q_CHECK(long long, qb3f2af6d0fc710c5_result.b.g, q_r.b.g, "result.b.g");
  Q_CHECK(short, qb3f2af6d0fc710c5_result.b.h, q_r.b.h, "result.b.h");
  Q_CHECK(float, qb3f2af6d0fc710c5_result.b.i, q_r.b.i, "result.b.i");
  Q_CHECK(unsigned short, qb3f2af6d0fc710c5_result.c[0], q_r.c[0], "result.c[0]");
  Q_CHECK(unsigned short, qb3f2af6d0fc710c5_result.c[1], q_r.c[1], "result.c[1]");
  Q_CHECK(unsigned short, qb3f2af6d0fc710c5_result.c[2], q_r.c[2], "result.c[2]");
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
