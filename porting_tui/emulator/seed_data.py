"""Tables the seeder draws from: area codes with their city, people, businesses, streets."""

from __future__ import annotations


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# (NPA, city, state or province, first three ZIP digits or the postal-code prefix)
AREAS: tuple[tuple[str, str, str, str], ...] = (
    ("212", "New York", "NY", "100"),
    ("718", "Brooklyn", "NY", "112"),
    ("518", "Albany", "NY", "122"),
    ("716", "Buffalo", "NY", "142"),
    ("201", "Jersey City", "NJ", "073"),
    ("973", "Newark", "NJ", "071"),
    ("215", "Philadelphia", "PA", "191"),
    ("412", "Pittsburgh", "PA", "152"),
    ("617", "Boston", "MA", "021"),
    ("413", "Springfield", "MA", "011"),
    ("401", "Providence", "RI", "029"),
    ("203", "New Haven", "CT", "065"),
    ("207", "Portland", "ME", "041"),
    ("802", "Burlington", "VT", "054"),
    ("603", "Manchester", "NH", "031"),
    ("202", "Washington", "DC", "200"),
    ("410", "Baltimore", "MD", "212"),
    ("804", "Richmond", "VA", "232"),
    ("757", "Norfolk", "VA", "235"),
    ("919", "Raleigh", "NC", "276"),
    ("704", "Charlotte", "NC", "282"),
    ("843", "Charleston", "SC", "294"),
    ("404", "Atlanta", "GA", "303"),
    ("912", "Savannah", "GA", "314"),
    ("305", "Miami", "FL", "331"),
    ("407", "Orlando", "FL", "328"),
    ("813", "Tampa", "FL", "336"),
    ("904", "Jacksonville", "FL", "322"),
    ("205", "Birmingham", "AL", "352"),
    ("615", "Nashville", "TN", "372"),
    ("901", "Memphis", "TN", "381"),
    ("502", "Louisville", "KY", "402"),
    ("614", "Columbus", "OH", "432"),
    ("216", "Cleveland", "OH", "441"),
    ("513", "Cincinnati", "OH", "452"),
    ("313", "Detroit", "MI", "482"),
    ("616", "Grand Rapids", "MI", "495"),
    ("317", "Indianapolis", "IN", "462"),
    ("312", "Chicago", "IL", "606"),
    ("217", "Springfield", "IL", "627"),
    ("414", "Milwaukee", "WI", "532"),
    ("608", "Madison", "WI", "537"),
    ("612", "Minneapolis", "MN", "554"),
    ("515", "Des Moines", "IA", "503"),
    ("314", "St. Louis", "MO", "631"),
    ("816", "Kansas City", "MO", "641"),
    ("402", "Omaha", "NE", "681"),
    ("316", "Wichita", "KS", "672"),
    ("405", "Oklahoma City", "OK", "731"),
    ("214", "Dallas", "TX", "752"),
    ("713", "Houston", "TX", "770"),
    ("512", "Austin", "TX", "787"),
    ("210", "San Antonio", "TX", "782"),
    ("504", "New Orleans", "LA", "701"),
    ("501", "Little Rock", "AR", "722"),
    ("601", "Jackson", "MS", "392"),
    ("303", "Denver", "CO", "802"),
    ("801", "Salt Lake City", "UT", "841"),
    ("602", "Phoenix", "AZ", "850"),
    ("520", "Tucson", "AZ", "857"),
    ("505", "Albuquerque", "NM", "871"),
    ("702", "Las Vegas", "NV", "891"),
    ("208", "Boise", "ID", "837"),
    ("406", "Billings", "MT", "591"),
    ("307", "Cheyenne", "WY", "820"),
    ("701", "Fargo", "ND", "581"),
    ("605", "Sioux Falls", "SD", "571"),
    ("206", "Seattle", "WA", "981"),
    ("509", "Spokane", "WA", "992"),
    ("503", "Portland", "OR", "972"),
    ("415", "San Francisco", "CA", "941"),
    ("408", "San Jose", "CA", "951"),
    ("213", "Los Angeles", "CA", "900"),
    ("619", "San Diego", "CA", "921"),
    ("916", "Sacramento", "CA", "958"),
    ("907", "Anchorage", "AK", "995"),
    ("808", "Honolulu", "HI", "968"),
    ("416", "Toronto", "ON", "M5V"),
    ("613", "Ottawa", "ON", "K1P"),
    ("519", "London", "ON", "N6A"),
    ("514", "Montreal", "QC", "H3B"),
    ("418", "Quebec City", "QC", "G1R"),
    ("604", "Vancouver", "BC", "V6B"),
    ("250", "Victoria", "BC", "V8W"),
    ("403", "Calgary", "AB", "T2P"),
    ("780", "Edmonton", "AB", "T5J"),
    ("204", "Winnipeg", "MB", "R3C"),
    ("306", "Regina", "SK", "S4P"),
    ("902", "Halifax", "NS", "B3J"),
    ("506", "Moncton", "NB", "E1C"),
    ("709", "St. John's", "NL", "A1C"),
)

FIRST_NAMES = _words(
    "James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara "
    "Richard Susan Joseph Jessica Thomas Sarah Charles Karen Daniel Lisa Matthew Nancy Anthony "
    "Betty Mark Sandra Steven Ashley Paul Emily Andrew Kimberly Joshua Donna Kevin Michelle "
    "Brian Carol George Amanda Timothy Melissa Ronald Deborah Priya Wei Aisha Mateo Sofia "
    "Lucas Chloe Noah Amara Diego Fatima Hiroshi Ingrid Olga Rafael Yusuf Zoe"
)
LAST_NAMES = _words(
    "Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez "
    "Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris "
    "Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen "
    "Hill Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Patel "
    "Kim Chen Tremblay Gagnon Roy Cote Bouchard Okafor Kowalski Novak Haddad"
)
BUSINESS_WORDS = _words(
    "Acme Northwind Summit Harbor Lakeside Pioneer Evergreen Redwood Granite Bluebird Keystone "
    "Maple Riverside Sterling Horizon Cedar Liberty Beacon Atlas Meridian Orchard Prairie "
    "Copper Falcon Juniper Silverline Brightwater Oakridge Westfield Crescent"
)
BUSINESS_KINDS = (
    "Dental",
    "Logistics",
    "Realty",
    "Veterinary Clinic",
    "Law Group",
    "Plumbing",
    "Family Medicine",
    "Insurance Agency",
    "Auto Repair",
    "Bakery",
    "Accounting",
    "Hotel",
    "Pharmacy",
    "Fitness",
    "Construction",
    "Animal Hospital",
    "Credit Union",
    "Staffing",
)
BUSINESS_SUFFIXES = ("Inc", "LLC", "Ltd", "Corp", "Co")
STREET_NAMES = _words(
    "Main Oak Maple Cedar Pine Elm Washington Lake Hill Park Church High Center Mill River "
    "Spring Union Market Franklin Jefferson Lincoln Madison Jackson Highland Sunset Ridge "
    "Chestnut Walnut Willow Broad"
)
STREET_TYPES = ("St", "Ave", "Rd", "Blvd", "Dr", "Ln", "Way", "Ct", "Pl")
STREET_DIRS = ("", "", "", "", "N", "S", "E", "W")

# Customers whose references the seeded orders carry ("ACME-42").
REFERENCE_PREFIXES = (
    "ACME",
    "NWIND",
    "SUMMIT",
    "HARBOR",
    "PIONEER",
    "EVRGRN",
    "KEYST",
    "BEACON",
    "ATLAS",
    "ORCHRD",
    "FALCON",
    "CRESC",
)

USER_NOTES = (
    "Customer asked for the port to happen early in the morning, before business hours.",
    "Please keep the existing call forwarding until the port completes.",
    "End user confirmed the service address by phone.",
    "Any update on this order? The customer is asking for a date.",
    "This is one of several orders for the same customer; please keep the dates aligned.",
    "The customer's contract with the old carrier ends at the end of the month.",
)
FIX_NOTES = (
    "Customer confirmed the correct details by phone; the order has been updated.",
    "Updated the order with the information from the customer's latest bill.",
    "Resubmitted after the customer sorted it out with the old carrier.",
)
