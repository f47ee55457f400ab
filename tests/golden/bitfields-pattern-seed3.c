/* testgen quest 0.1.0 (quest-compatible generator of calling-convention tests) */
/* testgen quest -test bitfields -n 1 -seed 3 -pattern */
/* seed: 3 (this file again: the same options with -seed 3) */
/* suite: bitfields; build: cc -std=c11 FILE.c && ./a.out; prints QUEST-MISMATCH lines, exits with their number */
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

/* seed: 3 */
union q3_s1 { unsigned short a; };
struct q3_s2 { unsigned long a; unsigned int b : 29; unsigned long long c : 64; unsigned long long d : 64; _Bool e : 1; unsigned long long f : 64; unsigned int g : 4; };
enum q3_e3 { q3_e3_0 = 2147483645, q3_e3_1 = 2147483646, q3_e3_2 = 2147483647 };
union q3_s4 { int a; _Bool b; enum q3_e3 c; };
struct q3_s5 { _Bool a; _Bool b : 1; signed int c : 32; unsigned short d : 14; signed int : 0; signed long long f : 17; unsigned int g : 32; };
struct q3_s6 { unsigned int a; unsigned int b : 32; unsigned long long c : 64; signed int d : 32; signed int : 0; long f; float g; };
struct q3_s7 { unsigned int a; unsigned int b; _Bool c : 1; unsigned short d : 7; signed int : 0; signed int f : 10; signed char *g; unsigned long *h; };
union q3_s8 { struct q3_s7 a; unsigned char b; };
struct q3_s9 { unsigned short a; short b; signed long long c : 39; unsigned int d : 32; unsigned long e; };
struct q3_s10 { unsigned long a; short b; unsigned int c : 32; signed int d : 32; signed char e : 7; signed long long f : 19; };
struct q3_s11 { unsigned short a; unsigned short b : 14; unsigned short c : 9; signed char d : 5; unsigned long long e : 64; long f; };
union q3_s12 { unsigned char a; };
typedef struct q3_s9 q3_va0_t;
typedef struct q3_s10 q3_va1_t;
typedef struct q3_s11 q3_va2_t;
static union q3_s1 q3_arg0;
static struct q3_s2 q3_arg1;
static union q3_s4 q3_arg2;
static struct q3_s5 q3_arg3;
static struct q3_s6 q3_arg4;
static union q3_s8 q3_arg5;
static struct q3_s9 q3_vararg0;
static struct q3_s10 q3_vararg1;
static struct q3_s11 q3_vararg2;
static union q3_s12 q3_result;
static void q3_init(void)
{
  q3_arg0.a = (unsigned short)0x1110ULL;
  q3_arg1.a = (unsigned long)0x2726252423222120ULL;
  q3_arg1.b = (unsigned int)0x13323130ULL;
  q3_arg1.c = (unsigned long long)0x4746454443424140ULL;
  q3_arg1.d = (unsigned long long)0x5756555453525150ULL;
  q3_arg1.e = (_Bool)1;
  q3_arg1.f = (unsigned long long)0x7776757473727170ULL;
  q3_arg1.g = (unsigned int)0x0ULL;
  q3_arg2.a = (int)-1819111024LL;
  q3_arg3.a = (_Bool)1;
  q3_arg3.b = (_Bool)0;
  q3_arg3.c = (int)-1010646592LL;
  q3_arg3.d = (unsigned short)0x11d0ULL;
  q3_arg3.f = (long long)57824LL;
  q3_arg3.g = (unsigned int)0xf3f2f1f0ULL;
  q3_arg4.a = (unsigned int)0x13121110ULL;
  q3_arg4.b = (unsigned int)0x23222120ULL;
  q3_arg4.c = (unsigned long long)0x3736353433323130ULL;
  q3_arg4.d = (int)1128415552LL;
  q3_arg4.f = (long)6293311349960364368LL;
  q3_arg4.g = 0xe26160p+48f;
  q3_arg5.a.a = (unsigned int)0x73727170ULL;
  q3_arg5.a.b = (unsigned int)0x83828180ULL;
  q3_arg5.a.c = (_Bool)1;
  q3_arg5.a.d = (unsigned short)0x20ULL;
  q3_arg5.a.f = (int)432LL;
  q3_arg5.a.g = (signed char *)(uintptr_t)0xc7c6c5c4c3c2c1c0ULL;
  q3_arg5.a.h = (unsigned long *)(uintptr_t)0xd7d6d5d4d3d2d1d0ULL;
  q3_vararg0.a = (unsigned short)0xe1e0ULL;
  q3_vararg0.b = (short)-3600LL;
  q3_vararg0.c = (long long)86219297040LL;
  q3_vararg0.d = (unsigned int)0x23222120ULL;
  q3_vararg0.e = (unsigned long)0x3736353433323130ULL;
  q3_vararg1.a = (unsigned long)0x4746454443424140ULL;
  q3_vararg1.b = (short)20816LL;
  q3_vararg1.c = (unsigned int)0x63626160ULL;
  q3_vararg1.d = (int)1936879984LL;
  q3_vararg1.e = (signed char)0LL;
  q3_vararg1.f = (long long)168336LL;
  q3_vararg2.a = (unsigned short)0xa1a0ULL;
  q3_vararg2.b = (unsigned short)0x31b0ULL;
  q3_vararg2.c = (unsigned short)0x1c0ULL;
  q3_vararg2.d = (signed char)-16LL;
  q3_vararg2.e = (unsigned long long)0xe7e6e5e4e3e2e1e0ULL;
  q3_vararg2.f = (long)-579005069656919568LL;
  q3_result.a = (unsigned char)0x10ULL;
}
Q_NOINLINE union q3_s12 q3_callee(union q3_s1 arg0, struct q3_s2 arg1, union q3_s4 arg2, struct q3_s5 arg3, struct q3_s6 arg4, union q3_s8 arg5, ...)
{
  static const char q_fn[] = "seed=3 function=q3_callee";
  (void)q_fn;
  va_list ap;
  Q_CHECK(unsigned short, q3_arg0.a, arg0.a, "arg0.a");
  Q_CHECK(unsigned long, q3_arg1.a, arg1.a, "arg1.a");
  Q_CHECK(unsigned long long, q3_arg1.b, arg1.b, "arg1.b");
  Q_CHECK(unsigned long long, q3_arg1.c, arg1.c, "arg1.c");
  Q_CHECK(unsigned long long, q3_arg1.d, arg1.d, "arg1.d");
  Q_CHECK(unsigned long long, q3_arg1.e, arg1.e, "arg1.e");
  Q_CHECK(unsigned long long, q3_arg1.f, arg1.f, "arg1.f");
  Q_CHECK(unsigned long long, q3_arg1.g, arg1.g, "arg1.g");
  Q_CHECK(int, q3_arg2.a, arg2.a, "arg2.a");
  Q_CHECK(_Bool, q3_arg3.a, arg3.a, "arg3.a");
  Q_CHECK(unsigned long long, q3_arg3.b, arg3.b, "arg3.b");
  Q_CHECK(long long, q3_arg3.c, arg3.c, "arg3.c");
  Q_CHECK(unsigned long long, q3_arg3.d, arg3.d, "arg3.d");
  Q_CHECK(long long, q3_arg3.f, arg3.f, "arg3.f");
  Q_CHECK(unsigned long long, q3_arg3.g, arg3.g, "arg3.g");
  Q_CHECK(unsigned int, q3_arg4.a, arg4.a, "arg4.a");
  Q_CHECK(unsigned long long, q3_arg4.b, arg4.b, "arg4.b");
  Q_CHECK(unsigned long long, q3_arg4.c, arg4.c, "arg4.c");
  Q_CHECK(long long, q3_arg4.d, arg4.d, "arg4.d");
  Q_CHECK(long, q3_arg4.f, arg4.f, "arg4.f");
  Q_CHECK(float, q3_arg4.g, arg4.g, "arg4.g");
  Q_CHECK(unsigned int, q3_arg5.a.a, arg5.a.a, "arg5.a.a");
  Q_CHECK(unsigned int, q3_arg5.a.b, arg5.a.b, "arg5.a.b");
  Q_CHECK(unsigned long long, q3_arg5.a.c, arg5.a.c, "arg5.a.c");
  Q_CHECK(unsigned long long, q3_arg5.a.d, arg5.a.d, "arg5.a.d");
  Q_CHECK(long long, q3_arg5.a.f, arg5.a.f, "arg5.a.f");
  Q_CHECK(signed char *, q3_arg5.a.g, arg5.a.g, "arg5.a.g");
  Q_CHECK(unsigned long *, q3_arg5.a.h, arg5.a.h, "arg5.a.h");
  va_start(ap, arg5);
  {
    q3_va0_t q_v = va_arg(ap, q3_va0_t);
  Q_CHECK(unsigned short, q3_vararg0.a, q_v.a, "vararg0.a");
  Q_CHECK(short, q3_vararg0.b, q_v.b, "vararg0.b");
  Q_CHECK(long long, q3_vararg0.c, q_v.c, "vararg0.c");
  Q_CHECK(unsigned long long, q3_vararg0.d, q_v.d, "vararg0.d");
  Q_CHECK(unsigned long, q3_vararg0.e, q_v.e, "vararg0.e");
  }
  {
    q3_va1_t q_v = va_arg(ap, q3_va1_t);
  Q_CHECK(unsigned long, q3_vararg1.a, q_v.a, "vararg1.a");
  Q_CHECK(short, q3_vararg1.b, q_v.b, "vararg1.b");
  Q_CHECK(unsigned long long, q3_vararg1.c, q_v.c, "vararg1.c");
  Q_CHECK(long long, q3_vararg1.d, q_v.d, "vararg1.d");
  Q_CHECK(long long, q3_vararg1.e, q_v.e, "vararg1.e");
  Q_CHECK(long long, q3_vararg1.f, q_v.f, "vararg1.f");
  }
  {
    q3_va2_t q_v = va_arg(ap, q3_va2_t);
  Q_CHECK(unsigned short, q3_vararg2.a, q_v.a, "vararg2.a");
  Q_CHECK(unsigned long long, q3_vararg2.b, q_v.b, "vararg2.b");
  Q_CHECK(unsigned long long, q3_vararg2.c, q_v.c, "vararg2.c");
  Q_CHECK(long long, q3_vararg2.d, q_v.d, "vararg2.d");
  Q_CHECK(unsigned long long, q3_vararg2.e, q_v.e, "vararg2.e");
  Q_CHECK(long, q3_vararg2.f, q_v.f, "vararg2.f");
  }
  va_end(ap);
  return q3_result;
}
static void q3_caller(void)
{
  q3_init();
  {
    static const char q_fn[] = "seed=3 function=q3_callee";
  (void)q_fn;
    union q3_s12 q_r;
    q_r = q3_callee(q3_arg0, q3_arg1, q3_arg2, q3_arg3, q3_arg4, q3_arg5, q3_vararg0, q3_vararg1, q3_vararg2);
  Q_CHECK(unsigned char, q3_result.a, q_r.a, "result.a");
  }
}

int main(void)
{
  unsigned q_total;
  (void)q_check;
  q_case = 0; q3_caller();
  q_total = q_failures;
  return q_total > 125 ? 125 : (int)q_total;
}
