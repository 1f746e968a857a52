/* stations.c -- the stations of the corpus, as the station part of their
 * cables' ids ("ROME" in 04ROME3933), and the other names cables give them
 * in REF lines and headers.  Known stations let a REF that misspells one
 * ("BISHTEK 1194", "0TTAWA 3518") still name the cable it cites. */
#include "config.h"
#include "stations.h"

#include <stdlib.h>
#include <string.h>

#include "str.h"

/* Sorted (bytewise): embassies, consulates, missions and offices. */
static const char *const keys[] = {
	"ABIDJAN", "ABUDHABI", "ABUJA", "ACCRA", "ADANA", "ADDISABABA", "AITTAIPEI", "ALGIERS", "ALMATY",
	"AMMAN", "AMSTERDAM", "ANKARA", "ANTANANARIVO", "APIA", "ASHGABAT", "ASMARA", "ASTANA", "ASUNCION",
	"ATHENS", "AUCKLAND", "BAGHDAD", "BAKU", "BAMAKO", "BANDARSERIBEGAWAN", "BANGKOK", "BANGUI", "BANJUL",
	"BARCELONA", "BASRAH", "BEIJING", "BEIRUT", "BELFAST", "BELGRADE", "BELIZE", "BERLIN", "BERN",
	"BISHKEK", "BOGOTA", "BRASILIA", "BRATISLAVA", "BRAZZAVILLE", "BRIDGETOWN", "BRUSSELS", "BUCHAREST",
	"BUDAPEST", "BUENOSAIRES", "BUJUMBURA", "CAIRO", "CALCUTTA", "CALGARY", "CANBERRA", "CAPETOWN",
	"CARACAS", "CASABLANCA", "CDGENEVA", "CHENGDU", "CHENNAI", "CHIANGMAI", "CHISINAU", "CIUDADJUAREZ",
	"COLOMBO", "CONAKRY", "COPENHAGEN", "COTONOU", "CURACAO", "DAKAR", "DAMASCUS", "DARESSALAAM",
	"DHAHRAN", "DHAKA", "DILI", "DJIBOUTI", "DOHA", "DUBAI", "DUBLIN", "DURBAN", "DUSHANBE", "DUSSELDORF",
	"FLORENCE", "FRANKFURT", "FREETOWN", "FUKUOKA", "GABORONE", "GENEVA", "GEORGETOWN", "GUADALAJARA",
	"GUANGZHOU", "GUATEMALA", "GUAYAQUIL", "HALIFAX", "HAMBURG", "HAMILTON", "HANOI", "HARARE", "HAVANA",
	"HELSINKI", "HERMOSILLO", "HILLAH", "HOCHIMINHCITY", "HONGKONG", "ISLAMABAD", "ISTANBUL", "JAKARTA",
	"JEDDAH", "JERUSALEM", "JOHANNESBURG", "KABUL", "KADUNA", "KAMPALA", "KARACHI", "KATHMANDU",
	"KHARTOUM", "KIEV", "KIGALI", "KINGSTON", "KINSHASA", "KIRKUK", "KOLKATA", "KOLONIA", "KOROR",
	"KRAKOW", "KUALALUMPUR", "KUWAIT", "KYIV", "LAGOS", "LAHORE", "LAPAZ", "LEIPZIG", "LIBREVILLE",
	"LILONGWE", "LIMA", "LISBON", "LJUBLJANA", "LOME", "LONDON", "LUANDA", "LUSAKA", "LUXEMBOURG",
	"MADRAS", "MADRID", "MAJURO", "MALABO", "MANAGUA", "MANAMA", "MANILA", "MAPUTO", "MARSEILLE",
	"MASERU", "MATAMOROS", "MBABANE", "MELBOURNE", "MERIDA", "MEXICO", "MILAN", "MINSK", "MONROVIA",
	"MONTERREY", "MONTEVIDEO", "MONTREAL", "MOSCOW", "MOSUL", "MUMBAI", "MUNICH", "MUSCAT", "NAHA",
	"NAIROBI", "NAPLES", "NASSAU", "NDJAMENA", "NEWDELHI", "NIAMEY", "NICOSIA", "NOGALES", "NOUAKCHOTT",
	"NUEVOLAREDO", "OSAKAKOBE", "OSLO", "OTTAWA", "OUAGADOUGOU", "PANAMA", "PARAMARIBO", "PARIS",
	"PERTH", "PESHAWAR", "PHNOMPENH", "PODGORICA", "PONTADELGADA", "PORTAUPRINCE", "PORTLOUIS",
	"PORTMORESBY", "PORTOFSPAIN", "PRAGUE", "PRAIA", "PRETORIA", "PRISTINA", "QUEBEC", "QUITO", "RABAT",
	"RANGOON", "RECIFE", "REYKJAVIK", "RIGA", "RIODEJANEIRO", "RIYADH", "ROME", "RPODUBAI", "SANAA",
	"SANJOSE", "SANSALVADOR", "SANTIAGO", "SANTODOMINGO", "SAOPAULO", "SAPPORO", "SARAJEVO", "SEOUL",
	"SHANGHAI", "SHENYANG", "SINGAPORE", "SKOPJE", "SOFIA", "STATE", "STOCKHOLM", "STPETERSBURG",
	"STRASBOURG", "SURABAYA", "SUVA", "SYDNEY", "TAIPEI", "TALLINN", "TASHKENT", "TBILISI", "TEGUCIGALPA",
	"TELAVIV", "THEHAGUE", "TIJUANA", "TIRANA", "TOKYO", "TORONTO", "TRIPOLI", "TUNIS", "ULAANBAATAR",
	"UNVIEVIENNA", "USEUBRUSSELS", "USNATO", "USOSCE", "USUNNEWYORK", "USUNROME", "VALLETTA",
	"VANCOUVER", "VATICAN", "VIENNA", "VIENTIANE", "VILNIUS", "VLADIVOSTOK", "WARSAW", "WELLINGTON",
	"WINDHOEK", "YAOUNDE", "YEKATERINBURG", "YEREVAN", "ZAGREB",
};

/* Names cables use for a station, mapped to the station part of the ids. */
static const struct {
	const char *name, *key;
} aliases[] = {
	{ "SECSTATE", "STATE" },
	{ "SECSTATEWASHDC", "STATE" },
	{ "STATEDEPT", "STATE" },
	{ "DEPTSTATE", "STATE" },
	{ "SECTSTATE", "STATE" },
	{ "UNVIE", "UNVIEVIENNA" },
	{ "UNVIEVIEN", "UNVIEVIENNA" },
	{ "USUN", "USUNNEWYORK" },
	{ "USUNNY", "USUNNEWYORK" },
	{ "USEU", "USEUBRUSSELS" },
	{ "HOCHI", "HOCHIMINHCITY" },
	{ "HCMC", "HOCHIMINHCITY" },
	{ "CAPET", "CAPETOWN" },
	{ "RIO", "RIODEJANEIRO" },
	{ "HAGUE", "THEHAGUE" },
	{ "MEXICOCITY", "MEXICO" },
	{ "VAT", "VATICAN" },
	{ "HK", "HONGKONG" },
	{ "ADDIS", "ADDISABABA" },
	{ "DARES", "DARESSALAAM" },
	{ "BRAZIL", "BRASILIA" },
	{ "KL", "KUALALUMPUR" },
	{ "JOBURG", "JOHANNESBURG" },
};

static int cmp_key(const void *a, const void *b)
{
	return strcmp((const char *)a, *(const char *const *)b);
}

const char *station_alias(const char *name)
{
	for (size_t i = 0; i < sizeof(aliases) / sizeof(aliases[0]); i++)
		if (name[0] == aliases[i].name[0] && strcmp(name, aliases[i].name) == 0)
			return aliases[i].key;
	return NULL;
}

bool station_known(const char *key)
{
	return bsearch(key, keys, sizeof(keys) / sizeof(keys[0]), sizeof(keys[0]), cmp_key) != NULL;
}

const char *station_near(const char *key)
{
	const char *found = NULL;
	struct str k = str_c(key);

	if (k.n < 5)
		return NULL;
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		if (strlen(keys[i]) >= 5 && str_one_edit(k, keys[i])) {
			if (found)
				return NULL;    /* two are as near: say nothing */
			found = keys[i];
		}
	}
	return found;
}

bool station_table_sorted(void)
{
	for (size_t i = 1; i < sizeof(keys) / sizeof(keys[0]); i++)
		if (strcmp(keys[i - 1], keys[i]) >= 0)
			return false;
	return true;
}
