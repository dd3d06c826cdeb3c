/* ACPI table parsing at boot (seed concept: boot, device discovery).
 * Find the RSDP, walk the XSDT (or RSDT), and read the MADT (CPUs, I/O APICs,
 * interrupt source overrides), the FADT (power-off and reset registers, and
 * through the DSDT the \_S5 sleep type) and the HPET table. Tables are mapped
 * with ioremap: they may lie outside RAM. */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/init.h>
#include <linux/smp.h>
#include <linux/acpi.h>
#include <asm/bootinfo.h>
#include <asm/io.h>
#include <asm/page.h>

struct acpi_info acpi_info;
int nr_cpu_ids = 1;
unsigned long cpu_possible_mask = 1;
static int max_cpus = NR_CPUS;

static int __init maxcpus_setup(char *val)
{
	return val ? kstrtoint(val, 10, &max_cpus) : -EINVAL;
}
early_param("maxcpus", maxcpus_setup);

static int __init nosmp_setup(char *val)
{
	max_cpus = 1;
	return 0;
}
early_param("nosmp", nosmp_setup);

struct acpi_sdt_header {
	char signature[4];
	u32 length;
	u8 revision;
	u8 checksum;
	char oem_id[6];
	char oem_table_id[8];
	u32 oem_revision;
	u32 creator_id;
	u32 creator_revision;
} __packed;

struct acpi_rsdp {
	char signature[8];
	u8 checksum;
	char oem_id[6];
	u8 revision;
	u32 rsdt_address;
	u32 length;
	u64 xsdt_address;
	u8 ext_checksum;
	u8 reserved[3];
} __packed;

static bool checksum_ok(const void *p, size_t len)
{
	u8 sum = 0;
	for (size_t i = 0; i < len; i++)
		sum += ((const u8 *)p)[i];
	return sum == 0;
}

/* Map a whole table: first its header to learn the length. */
static const struct acpi_sdt_header *map_table(u64 phys)
{
	const struct acpi_sdt_header *h = ioremap(phys, sizeof(*h));
	if (!h)
		return NULL;
	u32 len = h->length;
	iounmap((void *)h);
	if (len < sizeof(*h) || len > (1u << 20))
		return NULL;
	h = ioremap(phys, len);
	if (h && !checksum_ok(h, len)) {
		pr_warn("ACPI: bad checksum in table at %#llx\n", (unsigned long long)phys);
		iounmap((void *)h);
		return NULL;
	}
	return h;
}

static phys_addr_t scan_rsdp(phys_addr_t start, size_t len)
{
	const u8 *p = __va(start);
	for (size_t off = 0; off + 20 <= len; off += 16)
		if (!memcmp(p + off, "RSD PTR ", 8) && checksum_ok(p + off, 20))
			return start + off;
	return 0;
}

static phys_addr_t find_rsdp(void)
{
	if (boot_info.rsdp)
		return boot_info.rsdp;
	phys_addr_t ebda = (phys_addr_t)(*(u16 *)__va(0x40e)) << 4;
	phys_addr_t r = ebda ? scan_rsdp(ebda, 1024) : 0;
	return r ? r : scan_rsdp(0xe0000, 0x20000);
}

static void parse_madt(const struct acpi_sdt_header *h)
{
	const u8 *p = (const u8 *)h + 44, *end = (const u8 *)h + h->length;
	acpi_info.lapic_addr = *(const u32 *)((const u8 *)h + 36);
	acpi_info.have_madt = true;
	while (p + 2 <= end && p[1] >= 2 && p + p[1] <= end) {
		switch (p[0]) {
		case 0:	/* processor local APIC: uid, apic id, flags (bit 0 enabled, 1 online-capable) */
			if ((*(const u32 *)(p + 4) & 3) && acpi_info.nr_cpus < NR_CPUS)
				acpi_info.cpu_apic_id[acpi_info.nr_cpus++] = p[3];
			break;
		case 1:	/* I/O APIC */
			if (acpi_info.nr_ioapics < MAX_IOAPICS) {
				struct acpi_ioapic *io = &acpi_info.ioapic[acpi_info.nr_ioapics++];
				io->id = p[2];
				io->addr = *(const u32 *)(p + 4);
				io->gsi_base = *(const u32 *)(p + 8);
			}
			break;
		case 2:	/* interrupt source override: bus, source irq, gsi, flags */
			if (p[3] < 16) {
				acpi_info.isa_gsi[p[3]] = *(const u32 *)(p + 4);
				acpi_info.isa_flags[p[3]] = *(const u16 *)(p + 8);
			}
			break;
		case 5:	/* 64-bit local APIC address override */
			acpi_info.lapic_addr = (u32)*(const u64 *)(p + 4);
			break;
		}
		p += p[1];
	}
}

/* Find \_S5's package in the DSDT's AML and take SLP_TYPa/b from it. The
 * bytes are: NameOp "_S5_" PackageOp PkgLength NumElements, then two values
 * each either a BytePrefix (0x0a) + byte, or the constants Zero/One. */
static void parse_s5(const struct acpi_sdt_header *dsdt)
{
	const u8 *p = (const u8 *)dsdt + sizeof(*dsdt), *end = (const u8 *)dsdt + dsdt->length;
	for (; p + 8 < end; p++) {
		if (memcmp(p, "_S5_", 4) || p[4] != 0x12)
			continue;
		const u8 *q = p + 5;
		q += ((*q >> 6) & 3) + 1;	/* PkgLength: lead byte + extra bytes */
		q++;				/* NumElements */
		u16 vals[2];
		for (int i = 0; i < 2 && q < end; i++) {
			if (*q == 0x0a) {
				vals[i] = q[1];
				q += 2;
			} else if (*q == 0x00 || *q == 0x01) {
				vals[i] = *q++;
			} else {
				return;
			}
		}
		acpi_info.slp_typa_s5 = vals[0];
		acpi_info.slp_typb_s5 = vals[1];
		acpi_info.have_s5 = true;
		return;
	}
}

static void parse_fadt(const struct acpi_sdt_header *h)
{
	const u8 *f = (const u8 *)h;
	acpi_info.smi_cmd = *(const u32 *)(f + 48);
	acpi_info.acpi_enable = f[52];
	acpi_info.pm1a_evt = *(const u32 *)(f + 56);
	acpi_info.pm1a_cnt = *(const u32 *)(f + 64);
	acpi_info.pm1b_cnt = *(const u32 *)(f + 68);
	u64 dsdt = *(const u32 *)(f + 40);
	if (h->length >= 116 && (*(const u32 *)(f + 112) & (1u << 10))) {	/* RESET_REG_SUP */
		acpi_info.reset_space = f[116];
		acpi_info.reset_addr = *(const u64 *)(f + 120);
		acpi_info.reset_value = f[128];
		acpi_info.have_reset = true;
	}
	if (h->length >= 148 && *(const u64 *)(f + 140))
		dsdt = *(const u64 *)(f + 140);
	const struct acpi_sdt_header *d = dsdt ? map_table(dsdt) : NULL;
	if (d) {
		parse_s5(d);
		iounmap((void *)d);
	}
}

static void parse_table(u64 phys)
{
	const struct acpi_sdt_header *h = map_table(phys);
	if (!h)
		return;
	pr_info("ACPI: %.4s %#010llx %06x (v%02d %.6s %.8s)\n", h->signature, (unsigned long long)phys,
		h->length, h->revision, h->oem_id, h->oem_table_id);
	if (!memcmp(h->signature, "APIC", 4))
		parse_madt(h);
	else if (!memcmp(h->signature, "FACP", 4))
		parse_fadt(h);
	else if (!memcmp(h->signature, "HPET", 4))
		acpi_info.hpet_addr = *(const u64 *)((const u8 *)h + 44);
	iounmap((void *)h);
}

void acpi_boot_init(void)
{
	for (int i = 0; i < 16; i++)
		acpi_info.isa_gsi[i] = i;
	acpi_info.lapic_addr = 0xfee00000;
	phys_addr_t rsdp_phys = find_rsdp();
	if (!rsdp_phys) {
		pr_warn("ACPI: no RSDP found; one CPU, legacy PIC\n");
	} else {
		const struct acpi_rsdp *rsdp = ioremap(rsdp_phys, sizeof(*rsdp));
		bool xsdt = rsdp->revision >= 2 && rsdp->xsdt_address;
		u64 root = xsdt ? rsdp->xsdt_address : rsdp->rsdt_address;
		pr_info("ACPI: RSDP %#llx (v%02d %.6s)\n", (unsigned long long)rsdp_phys, rsdp->revision, rsdp->oem_id);
		iounmap((void *)rsdp);
		const struct acpi_sdt_header *r = map_table(root);
		if (r) {
			int entry = xsdt ? 8 : 4;
			int n = (r->length - sizeof(*r)) / entry;
			for (int i = 0; i < n; i++) {
				const u8 *e = (const u8 *)r + sizeof(*r) + i * entry;
				parse_table(xsdt ? *(const u64 *)e : *(const u32 *)e);
			}
			iounmap((void *)r);
		}
	}
	if (!acpi_info.nr_cpus)
		acpi_info.nr_cpus = 1;	/* only the boot CPU (its id is read from the APIC later) */
	nr_cpu_ids = min(acpi_info.nr_cpus, max_cpus > 0 ? max_cpus : 1);
	cpu_possible_mask = nr_cpu_ids >= 64 ? ~0UL : (1UL << nr_cpu_ids) - 1;
	pr_info("ACPI: %d CPUs described, %d possible; %d I/O APIC(s)%s\n", acpi_info.nr_cpus, nr_cpu_ids,
		acpi_info.nr_ioapics, acpi_info.hpet_addr ? ", HPET" : "");
}
