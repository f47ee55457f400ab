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
static union q3_s1 q3_arg0 = { .a = (unsigned short)0x1110ULL };
static struct q3_s2 q3_arg1 = { .a = (unsigned long)0x2726252423222120ULL, .b = (unsigned int)0x13323130ULL, .c = (unsigned long long)0x4746454443424140ULL, .d = (unsigned long long)0x5756555453525150ULL, .e = (_Bool)1, .f = (unsigned long long)0x7776757473727170ULL, .g = (unsigned int)0x0ULL };
static union q3_s4 q3_arg2 = { .a = (int)-1819111024LL };
static struct q3_s5 q3_arg3 = { .a = (_Bool)1, .b = (_Bool)0, .c = (int)-1010646592LL, .d = (unsigned short)0x11d0ULL, .f = (long long)57824LL, .g = (unsigned int)0xf3f2f1f0ULL };
static struct q3_s6 q3_arg4 = { .a = (unsigned int)0x13121110ULL, .b = (unsigned int)0x23222120ULL, .c = (unsigned long long)0x3736353433323130ULL, .d = (int)1128415552LL, .f = (long)6293311349960364368LL, .g = 0xe26160p+48f };
static union q3_s8 q3_arg5 = { .a = { .a = (unsigned int)0x73727170ULL, .b = (unsigned int)0x83828180ULL, .c = (_Bool)1, .d = (unsigned short)0x20ULL, .f = (int)432LL, .g = (signed char *)(uintptr_t)0xc7c6c5c4c3c2c1c0ULL, .h = (unsigned long *)(uintptr_t)0xd7d6d5d4d3d2d1d0ULL } };
static struct q3_s9 q3_vararg0 = { .a = (unsigned short)0xe1e0ULL, .b = (short)-3600LL, .c = (long long)86219297040LL, .d = (unsigned int)0x23222120ULL, .e = (unsigned long)0x3736353433323130ULL };
static struct q3_s10 q3_vararg1 = { .a = (unsigned long)0x4746454443424140ULL, .b = (short)20816LL, .c = (unsigned int)0x63626160ULL, .d = (int)1936879984LL, .e = (signed char)0LL, .f = (long long)168336LL };
static struct q3_s11 q3_vararg2 = { .a = (unsigned short)0xa1a0ULL, .b = (unsigned short)0x31b0ULL, .c = (unsigned short)0x1c0ULL, .d = (signed char)-16LL, .e = (unsigned long long)0xe7e6e5e4e3e2e1e0ULL, .f = (long)-579005069656919568LL };
static union q3_s12 q3_result = { .a = (unsigned char)0x10ULL };
static union q3_s1 q3_got0;
static struct q3_s2 q3_got1;
static union q3_s4 q3_got2;
static struct q3_s5 q3_got3;
static struct q3_s6 q3_got4;
static union q3_s8 q3_got5;
static q3_va0_t q3_gotva0;
static q3_va1_t q3_gotva1;
static q3_va2_t q3_gotva2;
static union q3_s12 q3_gotr;
static void q3_init(void)
{
}
Q_NOINLINE union q3_s12 q3_callee(union q3_s1 arg0, struct q3_s2 arg1, union q3_s4 arg2, struct q3_s5 arg3, struct q3_s6 arg4, union q3_s8 arg5, ...)
{
  static const char q_fn[] = "seed=3 function=q3_callee";
  (void)q_fn;
  va_list ap;
  q3_got0 = arg0;
  q3_got1 = arg1;
  q3_got2 = arg2;
  q3_got3 = arg3;
  q3_got4 = arg4;
  q3_got5 = arg5;
  va_start(ap, arg5);
  q3_gotva0 = va_arg(ap, q3_va0_t);
  q3_gotva1 = va_arg(ap, q3_va1_t);
  q3_gotva2 = va_arg(ap, q3_va2_t);
  va_end(ap);
{
  static const char *const q_n[] = {"arg0.a","arg1.a","arg2.a","arg3.a","arg4.a","arg4.f","arg4.g","arg5.a.a","arg5.a.b","arg5.a.g","arg5.a.h","vararg0.a","vararg0.b","vararg0.e","vararg1.a","vararg1.b","vararg2.a","vararg2.f",};
  static const void *const q_p[] = {&q3_arg0.a,&q3_got0.a,&q3_arg1.a,&q3_got1.a,&q3_arg2.a,&q3_got2.a,&q3_arg3.a,&q3_got3.a,&q3_arg4.a,&q3_got4.a,&q3_arg4.f,&q3_got4.f,&q3_arg4.g,&q3_got4.g,&q3_arg5.a.a,&q3_got5.a.a,&q3_arg5.a.b,&q3_got5.a.b,&q3_arg5.a.g,&q3_got5.a.g,&q3_arg5.a.h,&q3_got5.a.h,&q3_vararg0.a,&q3_gotva0.a,&q3_vararg0.b,&q3_gotva0.b,&q3_vararg0.e,&q3_gotva0.e,&q3_vararg1.a,&q3_gotva1.a,&q3_vararg1.b,&q3_gotva1.b,&q3_vararg2.a,&q3_gotva2.a,&q3_vararg2.f,&q3_gotva2.f,};
  static const unsigned short q_s[] = {sizeof q3_arg0.a,sizeof q3_arg1.a,sizeof q3_arg2.a,sizeof q3_arg3.a,sizeof q3_arg4.a,sizeof q3_arg4.f,sizeof q3_arg4.g,sizeof q3_arg5.a.a,sizeof q3_arg5.a.b,sizeof q3_arg5.a.g,sizeof q3_arg5.a.h,sizeof q3_vararg0.a,sizeof q3_vararg0.b,sizeof q3_vararg0.e,sizeof q3_vararg1.a,sizeof q3_vararg1.b,sizeof q3_vararg2.a,sizeof q3_vararg2.f,};
  q_check_all(q_fn, q_n, q_p, q_s, 18);
}
  q_check_bits(q_fn, "arg1.b", q3_arg1.b, q3_got1.b);
  q_check_bits(q_fn, "arg1.c", q3_arg1.c, q3_got1.c);
  q_check_bits(q_fn, "arg1.d", q3_arg1.d, q3_got1.d);
  q_check_bits(q_fn, "arg1.e", q3_arg1.e, q3_got1.e);
  q_check_bits(q_fn, "arg1.f", q3_arg1.f, q3_got1.f);
  q_check_bits(q_fn, "arg1.g", q3_arg1.g, q3_got1.g);
  q_check_bits(q_fn, "arg3.b", q3_arg3.b, q3_got3.b);
  q_check_bits(q_fn, "arg3.c", q3_arg3.c, q3_got3.c);
  q_check_bits(q_fn, "arg3.d", q3_arg3.d, q3_got3.d);
  q_check_bits(q_fn, "arg3.f", q3_arg3.f, q3_got3.f);
  q_check_bits(q_fn, "arg3.g", q3_arg3.g, q3_got3.g);
  q_check_bits(q_fn, "arg4.b", q3_arg4.b, q3_got4.b);
  q_check_bits(q_fn, "arg4.c", q3_arg4.c, q3_got4.c);
  q_check_bits(q_fn, "arg4.d", q3_arg4.d, q3_got4.d);
  q_check_bits(q_fn, "arg5.a.c", q3_arg5.a.c, q3_got5.a.c);
  q_check_bits(q_fn, "arg5.a.d", q3_arg5.a.d, q3_got5.a.d);
  q_check_bits(q_fn, "arg5.a.f", q3_arg5.a.f, q3_got5.a.f);
  q_check_bits(q_fn, "vararg0.c", q3_vararg0.c, q3_gotva0.c);
  q_check_bits(q_fn, "vararg0.d", q3_vararg0.d, q3_gotva0.d);
  q_check_bits(q_fn, "vararg1.c", q3_vararg1.c, q3_gotva1.c);
  q_check_bits(q_fn, "vararg1.d", q3_vararg1.d, q3_gotva1.d);
  q_check_bits(q_fn, "vararg1.e", q3_vararg1.e, q3_gotva1.e);
  q_check_bits(q_fn, "vararg1.f", q3_vararg1.f, q3_gotva1.f);
  q_check_bits(q_fn, "vararg2.b", q3_vararg2.b, q3_gotva2.b);
  q_check_bits(q_fn, "vararg2.c", q3_vararg2.c, q3_gotva2.c);
  q_check_bits(q_fn, "vararg2.d", q3_vararg2.d, q3_gotva2.d);
  q_check_bits(q_fn, "vararg2.e", q3_vararg2.e, q3_gotva2.e);
  return q3_result;
}
static void q3_caller(void)
{
  q3_init();
  {
    static const char q_fn[] = "seed=3 function=q3_callee";
  (void)q_fn;
    q3_gotr = q3_callee(q3_arg0, q3_arg1, q3_arg2, q3_arg3, q3_arg4, q3_arg5, q3_vararg0, q3_vararg1, q3_vararg2);
  {
    static const char *const q_n[] = {"result.a",};
    static const void *const q_p[] = {&q3_result.a,&q3_gotr.a,};
    static const unsigned short q_s[] = {sizeof q3_result.a,};
    q_check_all(q_fn, q_n, q_p, q_s, 1);
  }
  }
}

int main(void)
{
  unsigned q_total;
  (void)q_check; (void)q_check_all; (void)q_check_bits;
  q_case = 0; q3_caller();
  q_total = q_failures;
#ifdef Q_COUNT_CHECKS
  fprintf(stderr, "QUEST-CHECKS %lu\n", q_checks);
#endif
  return q_total > 125 ? 125 : (int)q_total;
}
