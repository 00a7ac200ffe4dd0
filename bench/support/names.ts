// Patient names for seeded cases: common US first and last names with the accents, apostrophes,
// hyphens and letters that searchKey() folds (José, O'Brien, Núñez, Strauß, Łukasz, Nguyễn), in
// rough order of frequency — the seed picks early entries more often, so a few names are common
// (thousands of "Smith"s in 100,000 cases) and most are rare, as in a real clinic.

export const FIRST_NAMES: readonly string[] = [
  'James', 'Maria', 'Michael', 'Jennifer', 'Robert', 'Linda', 'David', 'Elizabeth', 'John', 'Jessica',
  'José', 'Sarah', 'William', 'Karen', 'Christopher', 'Ashley', 'Daniel', 'Emily', 'Matthew', 'Amanda',
  'Anthony', 'Melissa', 'Joshua', 'Stephanie', 'Andrew', 'Nicole', 'Kevin', 'Michelle', 'Brian', 'Laura',
  'Juan', 'Rebecca', 'Jason', 'Rachel', 'Tyler', 'Samantha', 'Brandon', 'Heather', 'Justin', 'Amber',
  'Carlos', 'Megan', 'Luis', 'Danielle', 'Jordan', 'Brittany', 'Alex', 'Tiffany', 'Sam', 'Crystal',
  'Wei', 'Aisha', 'Mohammed', 'Fatima', 'Dmitri', 'Olga', 'Hiroshi', 'Yuki', 'Kwame', 'Amara',
  'Renée', 'Chloé', 'Zoë', 'Noël', 'Björn', 'Søren', 'Łukasz', 'Małgorzata', 'Siobhán', 'Seán',
  'Ana-Lucía', 'Jean-Luc', "D'Andre", 'Mary Ellen', 'Thanh', 'Nguyệt', 'Dorothée', 'Ignacio', 'Efraín', 'Inés',
];

export const LAST_NAMES: readonly string[] = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'García', 'Miller', 'Davis', 'Rodríguez', 'Martínez',
  'Hernández', 'López', 'González', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin',
  'Lee', 'Pérez', 'Thompson', 'White', 'Harris', 'Sánchez', 'Clark', 'Ramírez', 'Lewis', 'Robinson',
  'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores',
  'Green', 'Adams', 'Nelson', 'Baker', 'Hall', 'Rivera', 'Campbell', 'Mitchell', 'Carter', 'Roberts',
  'Gómez', 'Phillips', 'Evans', 'Turner', 'Díaz', 'Parker', 'Cruz', 'Edwards', 'Collins', 'Reyes',
  'Stewart', 'Morris', 'Morales', 'Murphy', 'Cook', 'Rogers', 'Gutiérrez', 'Ortiz', 'Morgan', 'Cooper',
  'Peterson', 'Bailey', 'Reed', 'Kelly', 'Howard', 'Ramos', 'Kim', 'Cox', 'Ward', 'Richardson',
  'Watson', 'Brooks', 'Chávez', 'Wood', 'James', 'Bennett', 'Gray', 'Mendoza', 'Ruiz', 'Hughes',
  'Price', 'Álvarez', 'Castillo', 'Sanders', 'Patel', 'Myers', 'Long', 'Ross', 'Foster', 'Jiménez',
  "O'Brien", "O'Connor", 'McDonald', 'MacLeod', 'Núñez', 'Okafor', 'Adeyemi', 'Mensah', 'Nguyễn', 'Trần',
  'Lê', 'Phạm', 'Wang', 'Li', 'Zhang', 'Chen', 'Liu', 'Yamamoto', 'Tanaka', 'Kowalski',
  'Wiśniewski', 'Dąbrowski', 'Müller', 'Schröder', 'Strauß', 'Ødegaard', 'Sørensen', 'Ångström', 'Çelik', 'Yılmaz',
  'Smith-Jones', 'García-López', "D'Angelo", 'De la Cruz', 'Van der Berg', 'St. John', 'Ní Bhriain', 'Ó Súilleabháin', 'Ivanova', 'Petrov',
];
