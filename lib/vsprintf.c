/* Formatted printing for printk and friends (lib/vsprintf.c).
 * Supports the C conversions the kernel uses (d i u x X o c s p %) with flags
 * (- 0 + space #), width, precision, '*', and length modifiers hh h l ll z t j.
 * Kernel extensions: %pS prints a text address as symbol+offset; %pB does the
 * same for a return address (looked up at addr-1: after a call to a noreturn
 * function the return address may already be in the next function). */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/ctype.h>

/* Resolved by kernel/kallsyms.c; the host unit tests provide their own. */
int sprint_symbol(char *buf, size_t size, unsigned long addr);
int sprint_backtrace(char *buf, size_t size, unsigned long addr);

struct outbuf {
	char *buf;
	size_t size;
	size_t len;	/* what would have been written, as C99 requires */
};

static void put(struct outbuf *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

enum { F_LEFT = 1, F_ZERO = 2, F_PLUS = 4, F_SPACE = 8, F_ALT = 16, F_SIGNED = 32, F_UPPER = 64 };

static void put_padded(struct outbuf *o, const char *s, int len, int width, int flags)
{
	int pad = width > len ? width - len : 0;
	if (!(flags & F_LEFT))
		while (pad-- > 0)
			put(o, ' ');
	for (int i = 0; i < len; i++)
		put(o, s[i]);
	if (flags & F_LEFT)
		while (pad-- > 0)
			put(o, ' ');
}

static void put_number(struct outbuf *o, unsigned long long v, int base, int width,
		       int prec, int flags)
{
	const char *digits = (flags & F_UPPER) ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24];
	char sign = 0;
	const char *prefix = "";
	int n = 0, plen;

	if (flags & F_SIGNED) {
		if ((long long)v < 0) {
			sign = '-';
			v = 0 - v;	/* unsigned negation: LLONG_MIN stays representable */
		} else if (flags & F_PLUS) {
			sign = '+';
		} else if (flags & F_SPACE) {
			sign = ' ';
		}
	}
	if ((flags & F_ALT) && v) {
		if (base == 16)
			prefix = (flags & F_UPPER) ? "0X" : "0x";
		else if (base == 8)
			prefix = "0";
	}
	do {
		tmp[n++] = digits[v % base];
		v /= base;
	} while (v);
	if (prec == 0 && n == 1 && tmp[0] == '0')
		n = 0;
	int zeros = prec > n ? prec - n : 0;
	plen = (sign ? 1 : 0) + (int)strlen(prefix);
	if ((flags & F_ZERO) && !(flags & F_LEFT) && prec < 0 && width > n + plen)
		zeros = width - n - plen;
	int total = plen + zeros + n;
	if (!(flags & F_LEFT))
		for (int i = total; i < width; i++)
			put(o, ' ');
	if (sign)
		put(o, sign);
	for (const char *p = prefix; *p; p++)
		put(o, *p);
	while (zeros-- > 0)
		put(o, '0');
	while (n > 0)
		put(o, tmp[--n]);
	if (flags & F_LEFT)
		for (int i = total; i < width; i++)
			put(o, ' ');
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct outbuf o = { buf, size, 0 };

	for (; *fmt; fmt++) {
		if (*fmt != '%') {
			put(&o, *fmt);
			continue;
		}
		int flags = 0, width = -1, prec = -1, lng = 0;
		for (;;) {
			char c = *++fmt;
			if (c == '-') flags |= F_LEFT;
			else if (c == '0') flags |= F_ZERO;
			else if (c == '+') flags |= F_PLUS;
			else if (c == ' ') flags |= F_SPACE;
			else if (c == '#') flags |= F_ALT;
			else break;
		}
		if (*fmt == '*') {
			width = va_arg(ap, int);
			if (width < 0) {
				flags |= F_LEFT;
				width = -width;
			}
			fmt++;
		} else if (isdigit(*fmt)) {
			width = 0;
			while (isdigit(*fmt))
				width = width * 10 + (*fmt++ - '0');
		}
		if (*fmt == '.') {
			fmt++;
			prec = 0;
			if (*fmt == '*') {
				prec = va_arg(ap, int);
				fmt++;
			} else {
				while (isdigit(*fmt))
					prec = prec * 10 + (*fmt++ - '0');
			}
		}
		/* length: -2 hh, -1 h, 0 int, 1 long, 2 long long */
		for (;; fmt++) {
			if (*fmt == 'h') lng--;
			else if (*fmt == 'l') lng++;
			else if (*fmt == 'z' || *fmt == 't' || *fmt == 'j') lng = 1;
			else break;
		}
		unsigned long long v;
		int base = 10;
		switch (*fmt) {
		case 'd':
		case 'i':
			if (lng >= 2) v = va_arg(ap, long long);
			else if (lng == 1) v = va_arg(ap, long);
			else if (lng == -1) v = (short)va_arg(ap, int);
			else if (lng <= -2) v = (signed char)va_arg(ap, int);
			else v = va_arg(ap, int);
			put_number(&o, v, 10, width, prec, flags | F_SIGNED);
			break;
		case 'X':
			flags |= F_UPPER;
			/* fall through */
		case 'x':
			base = 16;
			goto unsigned_num;
		case 'o':
			base = 8;
			/* fall through */
		case 'u':
		unsigned_num:
			if (lng >= 2) v = va_arg(ap, unsigned long long);
			else if (lng == 1) v = va_arg(ap, unsigned long);
			else if (lng == -1) v = (unsigned short)va_arg(ap, unsigned int);
			else if (lng <= -2) v = (unsigned char)va_arg(ap, unsigned int);
			else v = va_arg(ap, unsigned int);
			put_number(&o, v, base, width, prec, flags);
			break;
		case 'c': {
			char c = (char)va_arg(ap, int);
			put_padded(&o, &c, 1, width, flags);
			break;
		}
		case 's': {
			const char *s = va_arg(ap, const char *);
			if (!s)
				s = "(null)";
			int len = prec >= 0 ? (int)strnlen(s, prec) : (int)strlen(s);
			put_padded(&o, s, len, width, flags);
			break;
		}
		case 'p': {
			void *p = va_arg(ap, void *);
			if (fmt[1] == 'S' || fmt[1] == 's' || fmt[1] == 'B') {
				char sym[128];
				fmt++;
				if (*fmt == 'B')	/* a return address: name the caller */
					sprint_backtrace(sym, sizeof(sym), (unsigned long)p);
				else
					sprint_symbol(sym, sizeof(sym), (unsigned long)p);
				put_padded(&o, sym, (int)strlen(sym), width, flags);
				break;
			}
			if (width < 0) {
				width = 16;
				flags |= F_ZERO;
			}
			put_number(&o, (unsigned long)p, 16, width, prec, flags);
			break;
		}
		case '%':
			put(&o, '%');
			break;
		case '\0':
			fmt--;
			break;
		default:
			put(&o, '%');
			put(&o, *fmt);
			break;
		}
	}
	if (o.size)
		o.buf[o.len < o.size ? o.len : o.size - 1] = 0;
	return (int)o.len;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

/* Like vsnprintf, but returns what was actually stored (without the NUL). */
int vscnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	int n = vsnprintf(buf, size, fmt, ap);
	if (!size)
		return 0;
	return (size_t)n < size ? n : (int)size - 1;
}

int scnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vscnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

int sprintf(char *buf, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buf, (size_t)INT_MAX, fmt, ap);
	va_end(ap);
	return n;
}

unsigned long long simple_strtoull(const char *s, char **end, unsigned int base)
{
	unsigned long long v = 0;
	if (base == 0) {
		base = 10;
		if (s[0] == '0') {
			base = 8;
			if (tolower(s[1]) == 'x' && isxdigit(s[2])) {
				base = 16;
				s += 2;
			}
		}
	} else if (base == 16 && s[0] == '0' && tolower(s[1]) == 'x') {
		s += 2;
	}
	for (;; s++) {
		int d;
		if (isdigit(*s)) d = *s - '0';
		else if (isalpha(*s)) d = tolower(*s) - 'a' + 10;
		else break;
		if (d >= (int)base)
			break;
		v = v * base + d;
	}
	if (end)
		*end = (char *)s;
	return v;
}

unsigned long simple_strtoul(const char *s, char **end, unsigned int base)
{
	return simple_strtoull(s, end, base);
}

long simple_strtol(const char *s, char **end, unsigned int base)
{
	if (*s == '-')
		return -(long)simple_strtoull(s + 1, end, base);
	return simple_strtoull(s, end, base);
}

/* Strict: the whole string (an optional trailing newline allowed) must parse. */
int kstrtoul(const char *s, unsigned int base, unsigned long *res)
{
	char *end;
	if (*s == '+')
		s++;
	if (!isxdigit(*s))
		return -EINVAL;
	unsigned long v = simple_strtoull(s, &end, base);
	if (*end == '\n')
		end++;
	if (*end)
		return -EINVAL;
	*res = v;
	return 0;
}

int kstrtol(const char *s, unsigned int base, long *res)
{
	unsigned long v;
	int neg = *s == '-';
	int err = kstrtoul(s + neg, base, &v);
	if (err)
		return err;
	*res = neg ? -(long)v : (long)v;
	return 0;
}

int kstrtoint(const char *s, unsigned int base, int *res)
{
	long v;
	int err = kstrtol(s, base, &v);
	if (err)
		return err;
	if (v != (int)v)
		return -ERANGE;
	*res = (int)v;
	return 0;
}

/* "64M", "2G", "4096", "1k" -> bytes (as for mem=). */
unsigned long long memparse(const char *s, char **end)
{
	char *e;
	unsigned long long v = simple_strtoull(s, &e, 0);
	switch (tolower(*e)) {
	case 'g': v <<= 10; /* fall through */
	case 'm': v <<= 10; /* fall through */
	case 'k': v <<= 10; e++; break;
	default: break;
	}
	if (end)
		*end = e;
	return v;
}
