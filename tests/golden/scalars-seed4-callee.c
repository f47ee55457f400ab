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

unsigned q_callee_failures(void) { (void)q_check; return q_failures; }
void q_callee_set_case(unsigned c) { q_case = c; }

/* seed: 4 */
extern double **q4_arg0;
extern char *q4_arg1;
extern double q4_arg2;
extern float q4_arg3;
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
  Q_CHECK(double **, q4_arg0, arg0, "arg0");
  Q_CHECK(char *, q4_arg1, arg1, "arg1");
  Q_CHECK(double, q4_arg2, arg2, "arg2");
  Q_CHECK(float, q4_arg3, arg3, "arg3");
}
