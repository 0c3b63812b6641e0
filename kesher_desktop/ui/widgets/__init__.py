"""Small reusable widgets of the contact page and the activity drawer."""
