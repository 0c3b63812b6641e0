<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="he">
<context>
    <name>AccountSection</name>
    <message>
        <source>Connect again…</source>
        <translation>חיבור מחדש…</translation>
    </message>
    <message>
        <source>Connect…</source>
        <translation>חיבור…</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>ניתוק</translation>
    </message>
    <message>
        <source>Disconnecting…</source>
        <translation>מנתק…</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>לא מחובר.</translation>
    </message>
    <message>
        <source>Connected as {account}.</source>
        <translation>מחובר בתור {account}.</translation>
    </message>
    <message>
        <source>Connected.</source>
        <translation>מחובר.</translation>
    </message>
    <message>
        <source>Could not disconnect: {reason}</source>
        <translation>הניתוק נכשל: {reason}</translation>
    </message>
</context>
<context>
    <name>ActivitiesPane</name>
    <message>
        <source>Open</source>
        <translation>פתיחה</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>מחיקה</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>עריכה</translation>
    </message>
    <message>
        <source>Mark not done</source>
        <translation>סימון כלא בוצע</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>סימון כבוצע</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>פתיחה מחדש</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ביטול הפעילות</translation>
    </message>
    <message>
        <source>Do again</source>
        <translation>חזרה על הפעילות</translation>
    </message>
    <message>
        <source>Resend invitation</source>
        <translation>שליחת ההזמנה מחדש</translation>
    </message>
    <message>
        <source>Marked done</source>
        <translation>הפעילות סומנה כבוצעה</translation>
    </message>
    <message>
        <source>Activity cancelled</source>
        <translation>הפעילות בוטלה</translation>
    </message>
    <message>
        <source>Activity deleted</source>
        <translation>הפעילות נמחקה</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>פגישה</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>שיחה</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>משימה</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>דוא״ל</translation>
    </message>
    <message>
        <source>Write to the contact in your mail program</source>
        <translation>כתיבת הודעה לאיש הקשר בתוכנת הדואר</translation>
    </message>
    <message>
        <source>This contact has no e-mail address: add one under Details</source>
        <translation>לאיש הקשר אין כתובת דוא״ל: אפשר להוסיף אחת תחת ״פרטים״</translation>
    </message>
    <message>
        <source>Put it back in Google Calendar</source>
        <translation>החזרה ליומן Google</translation>
    </message>
    <message>
        <source>Delete it here too</source>
        <translation>מחיקה גם כאן</translation>
    </message>
    <message>
        <source>Keep ours</source>
        <translation>השארת הגרסה שלנו</translation>
    </message>
    <message>
        <source>To do ({count})</source>
        <translation>לביצוע ({count})</translation>
    </message>
    <message>
        <source>Done ({count})</source>
        <translation>בוצע ({count})</translation>
    </message>
    <message>
        <source>Nothing planned. Add a meeting, a call or a task.</source>
        <translation>אין פעילויות מתוכננות. אפשר להוסיף פגישה, שיחה או משימה.</translation>
    </message>
    <message>
        <source>Nothing done yet.</source>
        <translation>עדיין לא בוצעו פעילויות.</translation>
    </message>
</context>
<context>
    <name>ActivityDrawer</name>
    <message>
        <source>The changes to this activity have not been saved. Discard them?</source>
        <translation>השינויים בפעילות לא נשמרו. לבטל אותם?</translation>
    </message>
    <message>
        <source>Marked done elsewhere. Your other changes are still here.</source>
        <translation>הפעילות סומנה כבוצעה במקום אחר. שאר השינויים שלך עדיין כאן.</translation>
    </message>
    <message>
        <source>Marked not done elsewhere. Your other changes are still here.</source>
        <translation>הפעילות סומנה כלא בוצעה במקום אחר. שאר השינויים שלך עדיין כאן.</translation>
    </message>
    <message>
        <source>This activity was deleted elsewhere.</source>
        <translation>הפעילות נמחקה במקום אחר.</translation>
    </message>
    <message>
        <source>New meeting</source>
        <translation>פגישה חדשה</translation>
    </message>
    <message>
        <source>New call</source>
        <translation>שיחה חדשה</translation>
    </message>
    <message>
        <source>New task</source>
        <translation>משימה חדשה</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>פגישה</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>שיחה</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>משימה</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>דוא״ל</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>שמירה</translation>
    </message>
    <message>
        <source>Cancel and close</source>
        <translation>ביטול וסגירה</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>סגירה</translation>
    </message>
    <message>
        <source>The activity is saved, but these could not be attached: {names}. They are still listed: press Save to try again, or remove them and attach them anew.</source>
        <translation>הפעילות נשמרה, אבל לא ניתן היה לצרף את אלה: {names}. הם עדיין ברשימה: יש ללחוץ על שמירה כדי לנסות שוב, או להסיר אותם ולצרף אותם מחדש.</translation>
    </message>
    <message>
        <source>With {name}</source>
        <translation>עם {name}</translation>
    </message>
</context>
<context>
    <name>ActivityForm</name>
    <message>
        <source>Title</source>
        <translation>כותרת</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>נושא</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>התחלה</translation>
    </message>
    <message>
        <source>When</source>
        <translation>מתי</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>סיום</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>תאריך יעד</translation>
    </message>
    <message>
        <source>Duration (minutes)</source>
        <translation>משך (בדקות)</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>מיקום</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>משתתפים</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>אחראים</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>תיאור</translation>
    </message>
    <message>
        <source>Topics and summary</source>
        <translation>נושאים וסיכום</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>תזכורות</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>קבצים מצורפים</translation>
    </message>
    <message>
        <source>At a set time</source>
        <translation>בשעה מסוימת</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>לא הוגדר</translation>
    </message>
    <message>
        <source>Address, room or video link</source>
        <translation>כתובת, חדר או קישור לשיחת וידאו</translation>
    </message>
    <message>
        <source>Send an invitation to the contact</source>
        <translation>שליחת הזמנה לאיש הקשר</translation>
    </message>
    <message>
        <source>The contact has no e-mail address, so no invitation can be sent. Add one on the contact&apos;s page, or add a participant who has one.</source>
        <translation>לאיש הקשר אין כתובת דוא״ל, ולכן אי אפשר לשלוח הזמנה. אפשר להוסיף כתובת בדף של איש הקשר, או להוסיף משתתף שיש לו כתובת.</translation>
    </message>
    <message>
        <source>On saving, the contact and every participant with an e-mail address receive an invitation their calendar can accept; changes send an update.</source>
        <translation>בשמירה, איש הקשר וכל משתתף עם כתובת דוא״ל יקבלו הזמנה שהיומן שלהם יכול לאשר; שינויים שולחים עדכון.</translation>
    </message>
    <message>
        <source>Add to Google Calendar</source>
        <translation>הוספה ליומן Google</translation>
    </message>
    <message>
        <source>On saving, the activity is added to your Google Calendar and kept in step.</source>
        <translation>בשמירה הפעילות נוספת ליומן Google שלך ונשמרת מעודכנת שם.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>בוצע</translation>
    </message>
    <message>
        <source>Took place</source>
        <translation>התקיימה</translation>
    </message>
</context>
<context>
    <name>ActivityKind</name>
    <message>
        <source>Meeting</source>
        <translation>פגישה</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>שיחה</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>משימה</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>דוא״ל</translation>
    </message>
</context>
<context>
    <name>ActivityState</name>
    <message>
        <source>To do</source>
        <translation>לביצוע</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>באיחור</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>בוצע</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>בוטל</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Kesher</source>
        <translation>קשר</translation>
    </message>
    <message>
        <source>Kesher is already running but does not answer. Wait a moment and try again, or close the running copy.</source>
        <translation>קשר כבר פועל אך אינו מגיב. כדאי להמתין רגע ולנסות שוב, או לסגור את העותק הפועל.</translation>
    </message>
</context>
<context>
    <name>AttachmentActions</name>
    <message>
        <source>The files could not be attached.</source>
        <translation>לא ניתן היה לצרף את הקבצים.</translation>
    </message>
    <message>
        <source>The browser could not be opened.</source>
        <translation>לא ניתן היה לפתוח את הדפדפן.</translation>
    </message>
    <message>
        <source>No program on this computer opens this file.</source>
        <translation>אין במחשב הזה תוכנה שפותחת את הקובץ.</translation>
    </message>
    <message>
        <source>The copy could not be saved in {folder}.</source>
        <translation>לא ניתן היה לשמור את העותק בתיקייה {folder}.</translation>
    </message>
    <message>
        <source>A file needs a name.</source>
        <translation>לקובץ צריך להיות שם.</translation>
    </message>
    <message>
        <source>This file is no longer here.</source>
        <translation>הקובץ הזה כבר לא כאן.</translation>
    </message>
    <message>
        <source>“{name}” removed</source>
        <translation>&quot;{name}&quot; הוסר</translation>
    </message>
    <message>
        <source>This file is missing from the app&apos;s folder.</source>
        <translation>הקובץ חסר בתיקייה של האפליקציה.</translation>
    </message>
</context>
<context>
    <name>AttachmentArea</name>
    <message>
        <source>The folder link could not be kept.</source>
        <translation>לא ניתן היה לשמור את הקישור לתיקייה.</translation>
    </message>
    <message>
        <source>Attach files…</source>
        <translation>צירוף קבצים…</translation>
    </message>
    <message>
        <source>Up to 12 MB each; several at once.</source>
        <translation>עד 12 MB לקובץ; אפשר כמה בבת אחת.</translation>
    </message>
    <message>
        <source>Drop files here, or attach them with the button.</source>
        <translation>גררו קבצים לכאן, או צרפו אותם בכפתור.</translation>
    </message>
</context>
<context>
    <name>CalendarPicker</name>
    <message>
        <source>Listing…</source>
        <translation>מביא את הרשימה…</translation>
    </message>
    <message>
        <source>List my calendars</source>
        <translation>הצגת היומנים שלי</translation>
    </message>
    <message>
        <source>Ask Google for your calendars that Kesher may add events to.</source>
        <translation>לבקש מ־Google את היומנים שלך ש־Kesher רשאי להוסיף אליהם אירועים.</translation>
    </message>
    <message>
        <source>Main calendar</source>
        <translation>היומן הראשי</translation>
    </message>
</context>
<context>
    <name>CalendarSync</name>
    <message>
        <source>Waiting to sync</source>
        <translation>ממתין לסנכרון</translation>
    </message>
    <message>
        <source>In Google Calendar</source>
        <translation>ביומן Google</translation>
    </message>
    <message>
        <source>Sync failed</source>
        <translation>הסנכרון נכשל</translation>
    </message>
    <message>
        <source>Removed in Google</source>
        <translation>נמחק ב־Google</translation>
    </message>
    <message>
        <source>Changed in both</source>
        <translation>שונה בשני הצדדים</translation>
    </message>
    <message>
        <source>Google could not be reached (no network?).</source>
        <translation>אין תקשורת עם Google (אולי אין רשת?).</translation>
    </message>
    <message>
        <source>Google had a problem of its own.</source>
        <translation>הייתה תקלה אצל Google.</translation>
    </message>
    <message>
        <source>Google asked Kesher to slow down.</source>
        <translation>Google ביקשה מקשר להאט.</translation>
    </message>
    <message>
        <source>Google&apos;s daily allowance of calls is used up.</source>
        <translation>מכסת הפניות היומית ל־Google נוצלה.</translation>
    </message>
    <message>
        <source>Google no longer accepts Kesher&apos;s access: connect again.</source>
        <translation>Google כבר לא מאשרת את הגישה של קשר: יש להתחבר מחדש.</translation>
    </message>
    <message>
        <source>Signing in to Google failed.</source>
        <translation>ההתחברות ל־Google נכשלה.</translation>
    </message>
    <message>
        <source>Google refused this change.</source>
        <translation>Google דחתה את השינוי הזה.</translation>
    </message>
    <message>
        <source>Something unexpected went wrong.</source>
        <translation>קרתה תקלה לא צפויה.</translation>
    </message>
    <message>
        <source>This kind of activity cannot be a whole day.</source>
        <translation>פעילות מסוג זה לא יכולה להימשך יום שלם.</translation>
    </message>
    <message>
        <source>The event was deleted in Google Calendar.</source>
        <translation>האירוע נמחק ביומן Google.</translation>
    </message>
    <message>
        <source>It was changed both here and in Google Calendar.</source>
        <translation>הפעילות שונתה גם כאן וגם ביומן Google.</translation>
    </message>
    <message>
        <source>Added to Google Calendar.</source>
        <translation>נוסף ליומן Google.</translation>
    </message>
    <message>
        <source>Updated.</source>
        <translation>עודכן.</translation>
    </message>
    <message>
        <source>Removed from Google Calendar.</source>
        <translation>הוסר מיומן Google.</translation>
    </message>
    <message>
        <source>Put back in Google Calendar.</source>
        <translation>הוחזר ליומן Google.</translation>
    </message>
    <message>
        <source>Moved to the calendar chosen in Settings.</source>
        <translation>הועבר ליומן שנבחר בהגדרות.</translation>
    </message>
    <message>
        <source>Google&apos;s own changes were kept beside ours.</source>
        <translation>השינויים שנעשו ב־Google נשמרו לצד שלנו.</translation>
    </message>
    <message>
        <source>Google&apos;s times end before they start.</source>
        <translation>בזמנים שב־Google הסיום קודם להתחלה.</translation>
    </message>
    <message>
        <source>Reason: {code}</source>
        <translation>סיבה: {code}</translation>
    </message>
    <message>
        <source>Sent to Google</source>
        <translation>נשלח ל־Google</translation>
    </message>
    <message>
        <source>Taken from Google</source>
        <translation>התקבל מ־Google</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>מוזג</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>נדחה</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>התנגשות</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>נכשל</translation>
    </message>
    <message>
        <source>Last synced {time}.</source>
        <translation>סונכרן לאחרונה ב־{time}.</translation>
    </message>
    <message>
        <source>It goes to Google Calendar at the next sync.</source>
        <translation>הפעילות תעבור ליומן Google בסנכרון הבא.</translation>
    </message>
    <message>
        <source>Attempts so far: {count}; next try {time}.</source>
        <translation>ניסיונות עד כה: {count}; הניסיון הבא ב־{time}.</translation>
    </message>
    <message>
        <source>Deleted in Google Calendar. The ⋮ menu puts it back or deletes it here too.</source>
        <translation>נמחק ביומן Google. בתפריט ⋮ אפשר להחזיר אותו או למחוק גם כאן.</translation>
    </message>
    <message>
        <source>Changed both here and in Google Calendar; Kesher&apos;s version was kept. Google&apos;s copy is in the sync log (File menu).</source>
        <translation>שונה גם כאן וגם ביומן Google; הגרסה של קשר נשמרה. העותק של Google נמצא ביומן הסנכרון (בתפריט קובץ).</translation>
    </message>
    <message>
        <source>Google&apos;s copy: deleted</source>
        <translation>העותק של Google: נמחק</translation>
    </message>
    <message>
        <source>Google&apos;s copy: {summary}</source>
        <translation>העותק של Google: {summary}</translation>
    </message>
</context>
<context>
    <name>Chip</name>
    <message>
        <source>Remove</source>
        <translation>הסרה</translation>
    </message>
</context>
<context>
    <name>Confirm</name>
    <message>
        <source>Discard changes?</source>
        <translation>לבטל את השינויים?</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>לבטל את השינויים</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>להמשיך לערוך</translation>
    </message>
</context>
<context>
    <name>ContactKind</name>
    <message>
        <source>Mobile</source>
        <translation>נייד</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>עבודה</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>בית</translation>
    </message>
    <message>
        <source>Fax</source>
        <translation>פקס</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>אחר</translation>
    </message>
</context>
<context>
    <name>ContactListPanel</name>
    <message>
        <source>Search by name, e-mail, phone or tag</source>
        <translation>חיפוש לפי שם, דוא״ל, טלפון או תגית</translation>
    </message>
</context>
<context>
    <name>ContactPage</name>
    <message>
        <source>You are editing this contact and have not saved. Discard the changes?</source>
        <translation>איש הקשר בעריכה והשינויים לא נשמרו. לבטל את השינויים?</translation>
    </message>
    <message>
        <source>Choose a contact from the list.</source>
        <translation>יש לבחור איש קשר מהרשימה.</translation>
    </message>
</context>
<context>
    <name>DetailsPane</name>
    <message>
        <source>More details</source>
        <translation>פרטים נוספים</translation>
    </message>
    <message>
        <source>+ Add a field</source>
        <translation>+ הוספת שדה</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>תווית</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>ערך</translation>
    </message>
    <message>
        <source>No more details yet.</source>
        <translation>אין עדיין פרטים נוספים.</translation>
    </message>
</context>
<context>
    <name>DocumentRow</name>
    <message>
        <source>Actions on this folder link</source>
        <translation>פעולות על הקישור לתיקייה</translation>
    </message>
    <message>
        <source>Actions on this file</source>
        <translation>פעולות על הקובץ</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>פתיחה</translation>
    </message>
    <message>
        <source>Open in the browser</source>
        <translation>פתיחה בדפדפן</translation>
    </message>
    <message>
        <source>Save a copy…</source>
        <translation>שמירת עותק…</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>שינוי שם</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>הסרה</translation>
    </message>
    <message>
        <source>File missing</source>
        <translation>הקובץ חסר</translation>
    </message>
    <message>
        <source>attached on saving</source>
        <translation>יצורף בשמירה</translation>
    </message>
    <message>
        <source>not kept in the app</source>
        <translation>לא נשמר באפליקציה</translation>
    </message>
    <message>
        <source>Added {when}</source>
        <translation>נוסף ב־{when}</translation>
    </message>
    <message>
        <source>{service} folder not found, or no longer shared</source>
        <translation>התיקייה לא נמצאה ב־{service}, או שאינה משותפת עוד</translation>
    </message>
    <message>
        <source>{service} folder</source>
        <translation>תיקייה ב־{service}</translation>
    </message>
    <message>
        <source>linked on saving</source>
        <translation>תקושר בשמירה</translation>
    </message>
</context>
<context>
    <name>DocumentsCard</name>
    <message>
        <source>The folder link could not be kept.</source>
        <translation>לא ניתן היה לשמור את הקישור לתיקייה.</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>מסמכים</translation>
    </message>
    <message>
        <source>Attach files (up to 12 MB each)</source>
        <translation>צירוף קבצים (עד 12 MB לקובץ)</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>צירוף קבצים</translation>
    </message>
    <message>
        <source>No documents yet. Drop files here to attach them.</source>
        <translation>אין עדיין מסמכים. גררו קבצים לכאן כדי לצרף אותם.</translation>
    </message>
    <message>
        <source>Ask Dropbox and Google Drive whether each linked folder is still there</source>
        <translation>לבדוק ב־Dropbox וב־Google Drive שכל תיקייה מקושרת עדיין קיימת</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>פגישה</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>שיחה</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>משימה</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>דוא״ל</translation>
    </message>
    <message>
        <source>Checking links…</source>
        <translation>בודק קישורים…</translation>
    </message>
    <message>
        <source>Check links</source>
        <translation>בדיקת קישורים</translation>
    </message>
</context>
<context>
    <name>DriveConnectDialog</name>
    <message>
        <source>Connect your Google Drive</source>
        <translation>חיבור ה־Google Drive שלך</translation>
    </message>
    <message>
        <source>Link Google Drive folders to your contacts</source>
        <translation>קישור תיקיות Google Drive לאנשי הקשר שלך</translation>
    </message>
    <message>
        <source>Your browser will open Google&apos;s sign-in page. Choose your account there and allow Kesher to see the names and links of your Drive files (never their content): the folders you link appear on the contact&apos;s page.

Kesher keeps only a key to renew its access, in this computer&apos;s keyring, never your password.</source>
        <translation>הדפדפן ייפתח בדף הכניסה של Google. בחר שם את החשבון שלך ואשר ל־Kesher לראות את השמות והקישורים של הקבצים ב־Drive (לעולם לא את תוכנם): התיקיות שתקשר יופיעו בדף איש הקשר.

Kesher שומר רק מפתח לחידוש הגישה, בצרור המפתחות של המחשב הזה, ולעולם לא את הסיסמה שלך.</translation>
    </message>
</context>
<context>
    <name>DropboxConnectDialog</name>
    <message>
        <source>Connect your Dropbox</source>
        <translation>חיבור ה־Dropbox שלך</translation>
    </message>
    <message>
        <source>Link Dropbox folders to your contacts</source>
        <translation>קישור תיקיות Dropbox לאנשי הקשר שלך</translation>
    </message>
    <message>
        <source>1. Press “Open Dropbox&apos;s page”, sign in there and allow Kesher to see your folders and share them by link.
2. Dropbox then shows a code: copy it here and press Connect.

Kesher keeps only a key to renew its access, in this computer&apos;s keyring, never your password.</source>
        <translation>1. לחץ על „פתיחת הדף של Dropbox”, היכנס שם ואשר ל־Kesher לראות את התיקיות שלך ולשתף אותן בקישור.
2. Dropbox יציג אז קוד: העתק אותו לכאן ולחץ על „חיבור”.

Kesher שומר רק מפתח לחידוש הגישה, בצרור המפתחות של המחשב הזה, ולעולם לא את הסיסמה שלך.</translation>
    </message>
    <message>
        <source>Open Dropbox&apos;s page</source>
        <translation>פתיחת הדף של Dropbox</translation>
    </message>
    <message>
        <source>Code from Dropbox:</source>
        <translation>הקוד מ־Dropbox:</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>חיבור</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>סגירה</translation>
    </message>
    <message>
        <source>This computer has no keyring to keep Dropbox&apos;s key safely. Install or unlock your system&apos;s keyring (such as GNOME Keyring or KWallet) to connect.</source>
        <translation>אין במחשב הזה צרור מפתחות שבו אפשר לשמור בבטחה את המפתח של Dropbox. כדי להתחבר, התקן או פתח את צרור המפתחות של המערכת (כמו GNOME Keyring או KWallet).</translation>
    </message>
    <message>
        <source>Connecting failed: {reason}</source>
        <translation>החיבור נכשל: {reason}</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>מתחבר…</translation>
    </message>
    <message>
        <source>Connected as {account}.</source>
        <translation>מחובר בתור {account}.</translation>
    </message>
</context>
<context>
    <name>DropboxSection</name>
    <message>
        <source>Dropbox</source>
        <translation>Dropbox</translation>
    </message>
    <message>
        <source>App key</source>
        <translation>מפתח אפליקציה</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>חשבון</translation>
    </message>
    <message>
        <source>Empty: no Dropbox folders</source>
        <translation>ריק: בלי תיקיות Dropbox</translation>
    </message>
    <message>
        <source>Set for this computer by {variable}.</source>
        <translation>נקבע למחשב הזה במשתנה {variable}.</translation>
    </message>
    <message>
        <source>The key comes from an app made in the {console} with Full Dropbox access. On the app&apos;s Permissions tab tick {permissions}, then copy its App key here.</source>
        <translation>המפתח מגיע מאפליקציה שנוצרה ב־{console} עם גישה מסוג Full&#xa0;Dropbox. בלשונית Permissions של האפליקציה יש לסמן את {permissions}, ואז להעתיק לכאן את ה־App key שלה.</translation>
    </message>
    <message>
        <source>This computer has no keyring to keep Dropbox&apos;s key safely. Install or unlock your system&apos;s keyring (such as GNOME Keyring or KWallet) to connect.</source>
        <translation>במחשב הזה אין מחזיק מפתחות (keyring) לשמירת המפתח של Dropbox בבטחה. כדי להתחבר, יש להתקין או לפתוח את מחזיק המפתחות של המערכת (למשל GNOME Keyring או KWallet).</translation>
    </message>
    <message>
        <source>Dropbox no longer accepts Kesher&apos;s access. Connect again.</source>
        <translation>הגישה של קשר כבר לא מתקבלת ב-Dropbox. יש להתחבר מחדש.</translation>
    </message>
    <message>
        <source>Forgotten on this computer, but Dropbox could not be told. To withdraw Kesher&apos;s access there too, remove its app under Connected apps in your Dropbox account&apos;s settings.</source>
        <translation>הגישה נמחקה מהמחשב הזה, אבל לא ניתן היה להודיע על כך ל-Dropbox. כדי לבטל את הגישה של קשר גם שם, יש להסיר את האפליקציה שלו תחת Connected apps בהגדרות של חשבון Dropbox.</translation>
    </message>
</context>
<context>
    <name>Durations</name>
    <message>
        <source>one minute</source>
        <translation>דקה אחת</translation>
    </message>
    <message>
        <source>2 minutes</source>
        <translation>2 דקות</translation>
    </message>
    <message>
        <source>{count} minutes</source>
        <translation>{count} דקות</translation>
    </message>
    <message>
        <source>one hour</source>
        <translation>שעה אחת</translation>
    </message>
    <message>
        <source>two hours</source>
        <translation>שעתיים</translation>
    </message>
    <message>
        <source>{count} hours</source>
        <translation>{count} שעות</translation>
    </message>
    <message>
        <source>one day</source>
        <translation>יום אחד</translation>
    </message>
    <message>
        <source>two days</source>
        <translation>יומיים</translation>
    </message>
    <message>
        <source>{count} days</source>
        <translation>{count} ימים</translation>
    </message>
    <message>
        <source>{hours} and {minutes}</source>
        <translation>{hours} ו-{minutes}</translation>
    </message>
</context>
<context>
    <name>EditableSection</name>
    <message>
        <source>Edit</source>
        <translation>עריכה</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>שמירה</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ביטול</translation>
    </message>
</context>
<context>
    <name>EmailView</name>
    <message>
        <source>From</source>
        <translation>מאת</translation>
    </message>
    <message>
        <source>To</source>
        <translation>אל</translation>
    </message>
    <message>
        <source>Cc</source>
        <translation>עותק</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>תאריך</translation>
    </message>
    <message>
        <source>Follow up</source>
        <translation>המשך התכתבות</translation>
    </message>
    <message>
        <source>Write again in your mail program; the answer is logged here too</source>
        <translation>כתיבה נוספת בתוכנת הדואר שלך; גם ההודעה הזו תירשם כאן</translation>
    </message>
</context>
<context>
    <name>ErrorReport</name>
    <message>
        <source>Kesher</source>
        <translation>קשר</translation>
    </message>
    <message>
        <source>Something went wrong and the last action may not have finished. Everything saved before it is safe. Details are in the log: {path}</source>
        <translation>משהו השתבש, וייתכן שהפעולה האחרונה לא הושלמה. כל מה שנשמר לפני כן לא נפגע. הפרטים נמצאים בקובץ הלוג: {path}</translation>
    </message>
</context>
<context>
    <name>FailedMailList</name>
    <message>
        <source>{subject} ({time})</source>
        <translation>{subject} ({time})</translation>
    </message>
    <message>
        <source>Mail not sent</source>
        <translation>דואר שלא נשלח</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>לנסות שוב עכשיו</translation>
    </message>
    <message>
        <source>Retry all</source>
        <translation>לנסות שוב את כולם</translation>
    </message>
    <message>
        <source>{what} to {recipients}: {subject}</source>
        <translation>{what} אל {recipients}: {subject}</translation>
    </message>
    <message>
        <source>Cancellation</source>
        <translation>ביטול</translation>
    </message>
    <message>
        <source>Invitation</source>
        <translation>הזמנה</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>תזכורת</translation>
    </message>
    <message>
        <source>Mail</source>
        <translation>דואר</translation>
    </message>
</context>
<context>
    <name>FileDesk</name>
    <message>
        <source>Attach files</source>
        <translation>צירוף קבצים</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>שמירת עותק</translation>
    </message>
</context>
<context>
    <name>FileTexts</name>
    <message>
        <source>{size} KB</source>
        <translation>{size} KB</translation>
    </message>
    <message>
        <source>{size} MB</source>
        <translation>{size} MB</translation>
    </message>
    <message>
        <source>“{name}” was not attached: it is {size}, more than the {limit} allowed.</source>
        <translation>&quot;{name}&quot; לא צורף: גודלו {size}, יותר מ־{limit} המותרים.</translation>
    </message>
    <message>
        <source>{bytes} bytes</source>
        <translation>{bytes} בתים</translation>
    </message>
    <message>
        <source>“{name}” is already attached.</source>
        <translation>&quot;{name}&quot; כבר מצורף.</translation>
    </message>
    <message>
        <source>“{name}” was not attached: it is a folder, not a file.</source>
        <translation>&quot;{name}&quot; לא צורף: זו תיקייה ולא קובץ.</translation>
    </message>
    <message>
        <source>“{name}” could not be read, so it was not attached.</source>
        <translation>לא ניתן היה לקרוא את &quot;{name}&quot;, ולכן הוא לא צורף.</translation>
    </message>
    <message>
        <source>Untitled file</source>
        <translation>קובץ ללא שם</translation>
    </message>
    <message>
        <source>{service} is not set up on this computer. Whoever installs Kesher gives its key in Settings or in {variable}.</source>
        <translation>‏{service} אינו מוגדר במחשב הזה. מי שמתקין את Kesher מזין את המפתח שלו בהגדרות או ב־{variable}.</translation>
    </message>
    <message>
        <source>No {service} account is connected. Connect one to link its folders.</source>
        <translation>אין חשבון {service} מחובר. חבר חשבון כדי לקשר את התיקיות שלו.</translation>
    </message>
    <message>
        <source>{service} no longer accepts Kesher&apos;s access (it was revoked or expired). Connect again to link folders.</source>
        <translation>‏{service} כבר לא מקבל את הגישה של Kesher (היא בוטלה או פגה). התחבר שוב כדי לקשר תיקיות.</translation>
    </message>
    <message>
        <source>Kesher is not yet allowed to see your {service} folders.</source>
        <translation>ל־Kesher עדיין אין הרשאה לראות את התיקיות שלך ב־{service}.</translation>
    </message>
    <message>
        <source>{service} did not accept this code. Copy the whole code again, or start over.</source>
        <translation>‏{service} לא קיבל את הקוד הזה. העתק שוב את הקוד כולו, או התחל מחדש.</translation>
    </message>
    <message>
        <source>{service} could not be reached. Check the internet connection.</source>
        <translation>אין חיבור ל־{service}. בדוק את החיבור לאינטרנט.</translation>
    </message>
    <message>
        <source>This folder is no longer in {service}.</source>
        <translation>התיקייה הזאת כבר לא נמצאת ב־{service}.</translation>
    </message>
    <message>
        <source>{service} refused the request.</source>
        <translation>‏{service} דחה את הבקשה.</translation>
    </message>
</context>
<context>
    <name>FolderBrowser</name>
    <message>
        <source>Link a {service} folder</source>
        <translation>קישור תיקייה מ־{service}</translation>
    </message>
    <message>
        <source>Choose the folder to link. Double-click a folder to open it.</source>
        <translation>בחר את התיקייה לקישור. לחיצה כפולה על תיקייה פותחת אותה.</translation>
    </message>
    <message>
        <source>Up one folder</source>
        <translation>תיקייה אחת למעלה</translation>
    </message>
    <message>
        <source>Link this folder</source>
        <translation>קישור התיקייה</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ביטול</translation>
    </message>
    <message>
        <source>Something went wrong: {reason}</source>
        <translation>משהו השתבש: {reason}</translation>
    </message>
    <message>
        <source>My Drive</source>
        <translation>האחסון שלי</translation>
    </message>
    <message>
        <source>Loading folders…</source>
        <translation>טוען תיקיות…</translation>
    </message>
    <message>
        <source>Making the link…</source>
        <translation>יוצר את הקישור…</translation>
    </message>
    <message>
        <source>No folders here.</source>
        <translation>אין כאן תיקיות.</translation>
    </message>
</context>
<context>
    <name>FolderLinkButtons</name>
    <message>
        <source>Link a Dropbox folder</source>
        <translation>קישור תיקייה מ־Dropbox</translation>
    </message>
    <message>
        <source>Link a Google Drive folder</source>
        <translation>קישור תיקייה מ־Google Drive</translation>
    </message>
</context>
<context>
    <name>GeneralPane</name>
    <message>
        <source>Colour of “{name}”</source>
        <translation>הצבע של &quot;{name}&quot;</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>פרטים</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>שם פרטי</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>שם משפחה</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>ארגון</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>תפקיד</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>טלפונים</translation>
    </message>
    <message>
        <source>E-mail addresses</source>
        <translation>כתובות דוא״ל</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>כתובת</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>יום הולדת</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>הערות</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>תגיות</translation>
    </message>
    <message>
        <source>+ Add a phone</source>
        <translation>+ הוספת טלפון</translation>
    </message>
    <message>
        <source>+ Add an e-mail address</source>
        <translation>+ הוספת כתובת דוא״ל</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>לא צוין</translation>
    </message>
    <message>
        <source>No name</source>
        <translation>ללא שם</translation>
    </message>
    <message>
        <source>Nothing more is known yet. Use the pencil to add it.</source>
        <translation>אין עדיין פרטים נוספים. אפשר להוסיף אותם בלחיצה על העיפרון.</translation>
    </message>
    <message>
        <source>Click to change the colour</source>
        <translation>לחיצה לשינוי הצבע</translation>
    </message>
</context>
<context>
    <name>GoogleConnectDialog</name>
    <message>
        <source>Connect your Google account</source>
        <translation>חיבור חשבון Google</translation>
    </message>
    <message>
        <source>Kesher and your Google Calendar</source>
        <translation>קשר ויומן Google שלך</translation>
    </message>
    <message>
        <source>Your browser will open Google&apos;s sign-in page. Choose your account there and allow Kesher to see your calendars and to add, change and remove events in them: the activities you tick in Kesher appear in your calendar.

Kesher keeps only a key to renew its access, in this computer&apos;s keyring, never your password. You can disconnect at any time in Settings.</source>
        <translation>הדפדפן ייפתח בדף הכניסה של Google. שם יש לבחור את החשבון ולאשר לקשר לראות את היומנים שלך ולהוסיף, לשנות ולמחוק בהם אירועים: הפעילויות שמסמנים בקשר יופיעו ביומן.

קשר שומר רק מפתח לחידוש הגישה, במחזיק המפתחות של המחשב הזה, ולעולם לא את הסיסמה שלך. אפשר לנתק בכל עת בהגדרות.</translation>
    </message>
    <message>
        <source>Waiting for your browser… Finish signing in there, or press Cancel.</source>
        <translation>ממתין לדפדפן… יש להשלים שם את הכניסה, או ללחוץ על ביטול.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>לנסות שוב</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>חיבור</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ביטול</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>סגירה</translation>
    </message>
    <message>
        <source>Kesher is connected to your Google account. You can close this page.</source>
        <translation>קשר מחובר לחשבון Google שלך. אפשר לסגור את הדף הזה.</translation>
    </message>
    <message>
        <source>Connecting failed: {reason}</source>
        <translation>החיבור נכשל: {reason}</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>מבטל…</translation>
    </message>
    <message>
        <source>Connected as {account}.</source>
        <translation>מחובר בתור {account}.</translation>
    </message>
    <message>
        <source>Connected.</source>
        <translation>מחובר.</translation>
    </message>
    <message>
        <source>Browser did not open? &lt;a href=&quot;{url}&quot;&gt;Open Google&apos;s page yourself&lt;/a&gt;.</source>
        <translation>הדפדפן לא נפתח? &lt;a href=&quot;{url}&quot;&gt;אפשר לפתוח בעצמך את הדף של Google&lt;/a&gt;.</translation>
    </message>
</context>
<context>
    <name>GoogleSection</name>
    <message>
        <source>Google account</source>
        <translation>חשבון Google</translation>
    </message>
    <message>
        <source>OAuth client file</source>
        <translation>קובץ לקוח OAuth</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>חשבון</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>יומן</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>עיון…</translation>
    </message>
    <message>
        <source>A JSON file supplied with Kesher</source>
        <translation>קובץ JSON שמגיע עם קשר</translation>
    </message>
    <message>
        <source>Set for this computer by {variable}.</source>
        <translation>נקבע למחשב הזה במשתנה {variable}.</translation>
    </message>
    <message>
        <source>Google sends the invitations</source>
        <translation>ההזמנות יישלחו מ-Google</translation>
    </message>
    <message>
        <source>For activities in your calendar, Google mails them instead of Kesher.</source>
        <translation>בפעילויות שביומן, ההזמנות נשלחות בדוא״ל מ-Google ולא מקשר.</translation>
    </message>
    <message>
        <source>Choose the OAuth client file</source>
        <translation>בחירת קובץ לקוח OAuth</translation>
    </message>
    <message>
        <source>Google client file (*.json)</source>
        <translation>קובץ לקוח של Google ‏(*.json)</translation>
    </message>
    <message>
        <source>Google no longer accepts Kesher&apos;s access. Connect again.</source>
        <translation>הגישה של קשר כבר לא מתקבלת ב-Google. יש להתחבר מחדש.</translation>
    </message>
    <message>
        <source>Forgotten on this computer, but Google could not be told. To withdraw Kesher&apos;s access there too, remove it in your Google account&apos;s security settings.</source>
        <translation>הגישה נמחקה מהמחשב הזה, אבל לא ניתן היה להודיע על כך ל-Google. כדי לבטל את הגישה של קשר גם שם, יש להסיר אותה בהגדרות האבטחה של חשבון Google.</translation>
    </message>
</context>
<context>
    <name>GoogleTexts</name>
    <message>
        <source>No OAuth client file is set. Whoever installs Kesher supplies it (a Google Cloud “Desktop app” client): choose it in Settings, or name it in {variable}.</source>
        <translation>לא נקבע קובץ לקוח OAuth. מי שמתקין את קשר מספק אותו – לקוח מסוג Desktop app מ-Google Cloud. יש לבחור אותו בהגדרות, או לציין אותו במשתנה {variable}.</translation>
    </message>
    <message>
        <source>The OAuth client file {path} does not exist. Choose the right file in Settings.</source>
        <translation>קובץ לקוח ה-OAuth‏ {path} לא קיים. יש לבחור בהגדרות את הקובץ הנכון.</translation>
    </message>
    <message>
        <source>The OAuth client file {path} cannot be read as a Google client file. Download it again from Google Cloud.</source>
        <translation>אי אפשר לקרוא את {path} כקובץ לקוח של Google. יש להוריד אותו שוב מ-Google Cloud.</translation>
    </message>
    <message>
        <source>The OAuth client file {path} is not for a desktop app. In Google Cloud, create an OAuth client of the type “Desktop app” and use its file.</source>
        <translation>קובץ לקוח ה-OAuth‏ {path} אינו של יישום שולחני. ב-Google Cloud יש ליצור לקוח OAuth מסוג Desktop app ולהשתמש בקובץ שלו.</translation>
    </message>
    <message>
        <source>The browser did not come back in time. Try again, and finish signing in on Google&apos;s page.</source>
        <translation>הדפדפן לא חזר בזמן. יש לנסות שוב ולהשלים את הכניסה בדף של Google.</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was changed.</source>
        <translation>בוטל. שום דבר לא השתנה.</translation>
    </message>
    <message>
        <source>Access was not allowed on Google&apos;s page, so Kesher is not connected.</source>
        <translation>הגישה לא אושרה בדף של Google, ולכן קשר לא מחובר.</translation>
    </message>
    <message>
        <source>Google did not accept the sign-in (it may have expired). Try again.</source>
        <translation>הכניסה לא התקבלה ב-Google (ייתכן שפג תוקפה). יש לנסות שוב.</translation>
    </message>
    <message>
        <source>Google refused the connection ({error}).</source>
        <translation>החיבור נדחה על ידי Google ‏({error}).</translation>
    </message>
    <message>
        <source>Google could not be reached. Check the internet connection and try again.</source>
        <translation>אין תקשורת עם Google. יש לבדוק את החיבור לאינטרנט ולנסות שוב.</translation>
    </message>
    <message>
        <source>Kesher could not open a local port for Google&apos;s answer. A firewall may be blocking it.</source>
        <translation>קשר לא הצליח לפתוח פורט מקומי לתשובה של Google. ייתכן שחומת אש חוסמת אותו.</translation>
    </message>
    <message>
        <source>Google did not give Kesher lasting access. Remove Kesher from your Google account&apos;s third-party access page, then connect again.</source>
        <translation>לא התקבלה מ-Google גישה קבועה לקשר. יש להסיר את קשר מדף הגישה של צד שלישי בחשבון Google, ואז להתחבר שוב.</translation>
    </message>
    <message>
        <source>On Google&apos;s page, some permissions were left unticked. Connect again and allow them all; Kesher cannot work with your calendar without them.</source>
        <translation>בדף של Google חלק מההרשאות לא סומנו. יש להתחבר שוב ולאשר את כולן; בלעדיהן קשר לא יכול לעבוד עם היומן שלך.</translation>
    </message>
    <message>
        <source>No Google account is connected.</source>
        <translation>אין חשבון Google מחובר.</translation>
    </message>
    <message>
        <source>You signed in as {chosen}, but Kesher works with {expected}, the account your calendar syncs with. Nothing was changed. Connect again and choose {expected}; to use another account, first disconnect in Settings.</source>
        <translation>נכנסת בתור {chosen}, אבל קשר עובד עם {expected}, החשבון שהיומן שלך מסתנכרן איתו. שום דבר לא השתנה. יש להתחבר שוב ולבחור ב־{expected}; כדי לעבוד עם חשבון אחר, יש להתנתק קודם בהגדרות.</translation>
    </message>
    <message>
        <source>Something went wrong ({code}).</source>
        <translation>משהו השתבש ({code}).</translation>
    </message>
    <message>
        <source>This computer has no keyring to keep Google&apos;s key safely. Install or unlock your system&apos;s keyring (such as GNOME Keyring or KWallet) to connect.</source>
        <translation>במחשב הזה אין מחזיק מפתחות (keyring) לשמירת המפתח של Google בבטחה. כדי להתחבר, יש להתקין או לפתוח את מחזיק המפתחות של המערכת (למשל GNOME Keyring או KWallet).</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import contacts</source>
        <translation>ייבוא אנשי קשר</translation>
    </message>
    <message>
        <source>Cancelling after the current batch…</source>
        <translation>הייבוא ייעצר בסיום המנה הנוכחית…</translation>
    </message>
    <message numerus="yes">
        <source>Importing %n file(s)…</source>
        <translation>
            <numerusform>ייבוא קובץ אחד…</numerusform>
            <numerusform>ייבוא %n קבצים…</numerusform>
        </translation>
    </message>
    <message>
        <source>The import stopped on an error; what was imported before it stays.</source>
        <translation>הייבוא נעצר בגלל שגיאה; מה שיובא עד אז נשמר.</translation>
    </message>
    <message>
        <source>Import cancelled.</source>
        <translation>הייבוא בוטל.</translation>
    </message>
    <message>
        <source>Import finished.</source>
        <translation>הייבוא הסתיים.</translation>
    </message>
</context>
<context>
    <name>ImportReport</name>
    <message>
        <source>Usage: kesher-desktop import FILE [FILE...]</source>
        <translation>שימוש: kesher-desktop import FILE [FILE...]</translation>
    </message>
    <message>
        <source>Contacts created: {count}</source>
        <translation>אנשי קשר שנוצרו: {count}</translation>
    </message>
    <message>
        <source>Merged into existing contacts: {count}</source>
        <translation>מוזגו לאנשי קשר קיימים: {count}</translation>
    </message>
    <message>
        <source>Skipped: {count}</source>
        <translation>דולגו: {count}</translation>
    </message>
    <message>
        <source>Files that could not be read: {count}</source>
        <translation>קבצים שלא ניתן היה לקרוא: {count}</translation>
    </message>
    <message>
        <source>Cancelled before the end; not imported: {count}. Everything imported before the cancel was kept.</source>
        <translation>הייבוא בוטל לפני סופו; לא יובאו: {count}. כל מה שיובא לפני הביטול נשמר.</translation>
    </message>
    <message>
        <source>no name, organisation, e-mail or phone</source>
        <translation>אין שם, ארגון, דוא״ל או טלפון</translation>
    </message>
    <message>
        <source>“{detail}” is not a valid e-mail address</source>
        <translation>&quot;{detail}&quot; אינה כתובת דוא״ל תקינה</translation>
    </message>
    <message>
        <source>“{detail}” is not a phone number</source>
        <translation>&quot;{detail}&quot; אינו מספר טלפון</translation>
    </message>
    <message>
        <source>a field is too long ({detail})</source>
        <translation>שדה ארוך מדי ({detail})</translation>
    </message>
    <message>
        <source>{file}, line {line}: {name} skipped: {reason}</source>
        <translation>{file}, שורה {line}: דילוג על {name}: {reason}</translation>
    </message>
    <message>
        <source>{file}, line {line}: skipped: {reason}</source>
        <translation>{file}, שורה {line}: דילוג על הרשומה: {reason}</translation>
    </message>
    <message>
        <source>Cannot open {file}: {reason}.</source>
        <translation>לא ניתן לפתוח את {file}: {reason}.</translation>
    </message>
    <message>
        <source>{file} is not a text file.</source>
        <translation>הקובץ {file} אינו קובץ טקסט.</translation>
    </message>
    <message>
        <source>{file} is neither UTF-8 nor Hebrew Windows (1255) text.</source>
        <translation>הקובץ {file} אינו טקסט בקידוד UTF-8 או בקידוד Windows עברי (1255).</translation>
    </message>
    <message>
        <source>{file} is neither a vCard nor a Google or Outlook CSV file.</source>
        <translation>הקובץ {file} אינו קובץ vCard ואינו קובץ CSV של Google או Outlook.</translation>
    </message>
    <message>
        <source>Cannot import {file}.</source>
        <translation>לא ניתן לייבא את {file}.</translation>
    </message>
</context>
<context>
    <name>ImportedField</name>
    <message>
        <source>Birthday</source>
        <translation>יום הולדת</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>כתובת</translation>
    </message>
    <message>
        <source>Home address</source>
        <translation>כתובת בית</translation>
    </message>
    <message>
        <source>Work address</source>
        <translation>כתובת עבודה</translation>
    </message>
    <message>
        <source>Other address</source>
        <translation>כתובת נוספת</translation>
    </message>
    <message>
        <source>Postal address</source>
        <translation>כתובת למשלוח דואר</translation>
    </message>
    <message>
        <source>Custom field</source>
        <translation>שדה נוסף</translation>
    </message>
</context>
<context>
    <name>Invitation</name>
    <message>
        <source>Cancellation failed</source>
        <translation>שליחת הביטול נכשלה</translation>
    </message>
    <message>
        <source>Update failed</source>
        <translation>שליחת העדכון נכשלה</translation>
    </message>
    <message>
        <source>Invitation failed</source>
        <translation>שליחת ההזמנה נכשלה</translation>
    </message>
    <message>
        <source>Invitation not sent yet</source>
        <translation>ההזמנה טרם נשלחה</translation>
    </message>
    <message>
        <source>Mail not set up</source>
        <translation>הדואר לא הוגדר</translation>
    </message>
    <message>
        <source>Cancellation pending</source>
        <translation>ביטול ממתין לשליחה</translation>
    </message>
    <message>
        <source>Update pending</source>
        <translation>עדכון ממתין לשליחה</translation>
    </message>
    <message>
        <source>Invitation pending</source>
        <translation>הזמנה ממתינה לשליחה</translation>
    </message>
    <message>
        <source>Cancellation sent</source>
        <translation>הביטול נשלח</translation>
    </message>
    <message>
        <source>Invitation sent</source>
        <translation>ההזמנה נשלחה</translation>
    </message>
    <message>
        <source>Set up the mail server in File &gt; Settings to send it.</source>
        <translation>כדי לשלוח אותה יש להגדיר שרת דואר בקובץ &gt; הגדרות.</translation>
    </message>
    <message>
        <source>“Resend invitation” in the ⋮ menu sends it now.</source>
        <translation>&quot;שליחת ההזמנה מחדש&quot; בתפריט ⋮ שולחת אותה עכשיו.</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>נשלחה</translation>
    </message>
    <message>
        <source>waiting to be sent</source>
        <translation>ממתינה לשליחה</translation>
    </message>
    <message>
        <source>not sent yet</source>
        <translation>טרם נשלחה</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>לא נשלחה</translation>
    </message>
    <message>
        <source>mail not set up</source>
        <translation>הדואר לא הוגדר</translation>
    </message>
    <message>
        <source>cancellation {state}</source>
        <translation>הודעת ביטול {state}</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>אישור הגעה</translation>
    </message>
    <message>
        <source>Maybe</source>
        <translation>אולי</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>סירוב</translation>
    </message>
</context>
<context>
    <name>InvitationMail</name>
    <message>
        <source>Call with {organizer}</source>
        <translation>שיחה עם {organizer}</translation>
    </message>
    <message>
        <source>Meeting with {organizer}</source>
        <translation>פגישה עם {organizer}</translation>
    </message>
    <message>
        <source>Cancelled: {what} ({when})</source>
        <translation>בוטל: {what} ({when})</translation>
    </message>
    <message>
        <source>Updated invitation: {what} ({when})</source>
        <translation>הזמנה מעודכנת: {what} ({when})</translation>
    </message>
    <message>
        <source>Invitation: {what} ({when})</source>
        <translation>הזמנה: {what} ({when})</translation>
    </message>
    <message>
        <source>{organizer} invites you to a meeting.</source>
        <translation>הזמנה לפגישה מאת {organizer}.</translation>
    </message>
    <message>
        <source>{organizer} invites you to a call.</source>
        <translation>הזמנה לשיחה מאת {organizer}.</translation>
    </message>
    <message>
        <source>{organizer} has changed the meeting you are invited to.</source>
        <translation>עדכון להזמנה לפגישה מאת {organizer}: הפרטים השתנו.</translation>
    </message>
    <message>
        <source>{organizer} has changed the call you are invited to.</source>
        <translation>עדכון להזמנה לשיחה מאת {organizer}: הפרטים השתנו.</translation>
    </message>
    <message>
        <source>{organizer} has cancelled the meeting.</source>
        <translation>הפגישה בוטלה על ידי {organizer}.</translation>
    </message>
    <message>
        <source>{organizer} has cancelled the call.</source>
        <translation>השיחה בוטלה על ידי {organizer}.</translation>
    </message>
    <message>
        <source>{organizer} has taken you off this meeting&apos;s invitees.</source>
        <translation>הוסרת מרשימת המוזמנים לפגישה זו על ידי {organizer}.</translation>
    </message>
    <message>
        <source>{organizer} has taken you off this call&apos;s invitees.</source>
        <translation>הוסרת מרשימת המוזמנים לשיחה זו על ידי {organizer}.</translation>
    </message>
    <message>
        <source>What</source>
        <translation>מה</translation>
    </message>
    <message>
        <source>When</source>
        <translation>מתי</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>איפה</translation>
    </message>
    <message>
        <source>Invited</source>
        <translation>מוזמנים</translation>
    </message>
    <message>
        <source>Organizer</source>
        <translation>מארגן/ת</translation>
    </message>
    <message>
        <source>{day}, {time} ({zone})</source>
        <translation>{day}, {time} ({zone})</translation>
    </message>
    <message>
        <source>Your calendar program can remove it from your calendar.</source>
        <translation>תוכנת היומן שלך יכולה להסיר אותה מהיומן.</translation>
    </message>
    <message>
        <source>Your calendar program can add it to your calendar and send your answer.</source>
        <translation>תוכנת היומן שלך יכולה להוסיף אותה ליומן ולשלוח את תשובתך.</translation>
    </message>
</context>
<context>
    <name>MailLinks</name>
    <message>
        <source>Write an e-mail</source>
        <translation>כתיבת דוא״ל</translation>
    </message>
    <message>
        <source>No mail program opened. Set one as your desktop&apos;s default for e-mail links, then try again.</source>
        <translation>לא נפתחה תוכנת דואר. יש לקבוע תוכנת דואר כברירת המחדל של שולחן העבודה לקישורי דוא״ל, ולנסות שוב.</translation>
    </message>
    <message>
        <source>The text was too long for a mail link, so the message opens with its beginning only. Copy the rest into it yourself.</source>
        <translation>הטקסט ארוך מדי לקישור דואר, ולכן ההודעה נפתחת עם תחילתו בלבד. יש להעתיק אליה את ההמשך בעצמך.</translation>
    </message>
</context>
<context>
    <name>MailProblems</name>
    <message>
        <source>There is no keyring on this computer for the mail password.</source>
        <translation>אין במחשב הזה מחזיק מפתחות (keyring) לסיסמת הדואר.</translation>
    </message>
    <message>
        <source>The mail server refused the user name or password.</source>
        <translation>שרת הדואר דחה את שם המשתמש או הסיסמה.</translation>
    </message>
    <message>
        <source>The mail server&apos;s name was not found: check it in Settings.</source>
        <translation>שם שרת הדואר לא נמצא: בדקו אותו בהגדרות.</translation>
    </message>
    <message>
        <source>The security setting (STARTTLS or SSL) does not match the mail server.</source>
        <translation>הגדרת האבטחה (STARTTLS או SSL) אינה תואמת את שרת הדואר.</translation>
    </message>
    <message>
        <source>The mail server did not answer.</source>
        <translation>שרת הדואר לא ענה.</translation>
    </message>
    <message>
        <source>The mail server refused the message.</source>
        <translation>שרת הדואר דחה את ההודעה.</translation>
    </message>
    <message>
        <source>There is no keyring on this computer for the tracking mailbox&apos;s password.</source>
        <translation>אין במחשב הזה מחזיק מפתחות (keyring) לסיסמת תיבת המעקב.</translation>
    </message>
    <message>
        <source>The tracking mailbox refused the user name or password.</source>
        <translation>תיבת המעקב דחתה את שם המשתמש או הסיסמה.</translation>
    </message>
    <message>
        <source>The tracking mailbox&apos;s server was not found: check its name.</source>
        <translation>השרת של תיבת המעקב לא נמצא: בדקו את שמו.</translation>
    </message>
    <message>
        <source>The security setting (SSL or STARTTLS) does not match the tracking mailbox&apos;s server.</source>
        <translation>הגדרת האבטחה (SSL או STARTTLS) אינה תואמת את השרת של תיבת המעקב.</translation>
    </message>
    <message>
        <source>The tracking mailbox&apos;s server did not answer.</source>
        <translation>השרת של תיבת המעקב לא ענה.</translation>
    </message>
    <message>
        <source>The tracking mailbox&apos;s server refused the request.</source>
        <translation>השרת של תיבת המעקב דחה את הבקשה.</translation>
    </message>
</context>
<context>
    <name>MailSection</name>
    <message>
        <source>Mail for reminders</source>
        <translation>דואר לתזכורות</translation>
    </message>
    <message>
        <source>Mail server (SMTP)</source>
        <translation>שרת דואר (SMTP)</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>פורט</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>אבטחה</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>שם משתמש</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>סיסמה</translation>
    </message>
    <message>
        <source>Send from</source>
        <translation>שליחה מהכתובת</translation>
    </message>
    <message>
        <source>My address: mail leaves from it</source>
        <translation>הכתובת שלי: ממנה יוצא הדואר</translation>
    </message>
    <message>
        <source>Reminders and invitations are sent from this address, and reminders come to it. Use the address this mail server lets you send from.</source>
        <translation>תזכורות והזמנות נשלחות מהכתובת הזו, והתזכורות מגיעות אליה. השתמשו בכתובת ששרת הדואר הזה מרשה לשלוח ממנה.</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>SSL/TLS</source>
        <translation>SSL/TLS</translation>
    </message>
    <message>
        <source>None (not encrypted)</source>
        <translation>ללא (לא מוצפן)</translation>
    </message>
    <message>
        <source>e.g. smtp.gmail.com; empty: no mail</source>
        <translation>לדוגמה smtp.gmail.com; ריק: בלי דואר</translation>
    </message>
    <message>
        <source>saved</source>
        <translation>שמורה</translation>
    </message>
    <message>
        <source>The port is a number from 1 to 65535, usually 587 or 465.</source>
        <translation>הפורט הוא מספר בין 1 ל־65535, בדרך כלל 587 או 465.</translation>
    </message>
    <message>
        <source>This computer has no keyring to keep the password safely, so it cannot be saved. Install or unlock your system&apos;s keyring (for example GNOME Keyring or KWallet), then open Settings again.</source>
        <translation>במחשב הזה אין מחזיק מפתחות (keyring) לשמירת הסיסמה בבטחה, ולכן אי אפשר לשמור אותה. יש להתקין או לפתוח את מחזיק המפתחות של המערכת (למשל GNOME Keyring או KWallet), ואז לפתוח שוב את ההגדרות.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Kesher</source>
        <translation>קשר</translation>
    </message>
    <message>
        <source>Quit without saving?</source>
        <translation>לצאת בלי לשמור?</translation>
    </message>
    <message>
        <source>Some changes have not been saved. Close Kesher and lose them?</source>
        <translation>יש שינויים שלא נשמרו. לסגור את התוכנה ולאבד אותם?</translation>
    </message>
    <message>
        <source>Opening your contacts…</source>
        <translation>אנשי הקשר נטענים…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;קובץ</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>סרגל כלים ראשי</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>איש קשר חדש</translation>
    </message>
    <message>
        <source>Import contacts…</source>
        <translation>ייבוא אנשי קשר…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>הגדרות…</translation>
    </message>
    <message>
        <source>Check sent mail now</source>
        <translation>בדיקת הדואר שנשלח עכשיו</translation>
    </message>
    <message>
        <source>Google Calendar sync log…</source>
        <translation>יומן הסנכרון עם Google Calendar…</translation>
    </message>
    <message>
        <source>New task</source>
        <translation>משימה חדשה</translation>
    </message>
    <message>
        <source>Add or choose a contact first: a task is planned on a contact&apos;s page.</source>
        <translation>יש להוסיף איש קשר או לבחור אחד קודם: משימה מתוכננת בדף של איש קשר.</translation>
    </message>
    <message>
        <source>Google Calendar sync stopped: Google no longer accepts Kesher&apos;s access. Connect again in File &gt; Google Calendar sync log…</source>
        <translation>הסנכרון עם יומן Google נעצר: Google כבר לא מאשרת את הגישה של קשר. אפשר להתחבר מחדש בקובץ &gt; יומן הסנכרון עם Google Calendar…</translation>
    </message>
    <message>
        <source>Mail to review ({count})…</source>
        <translation>דואר לבדיקה ({count})…</translation>
    </message>
    <message>
        <source>Mail to review…</source>
        <translation>דואר לבדיקה…</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>תזכורות</translation>
    </message>
    <message>
        <source>Reminders ({count})</source>
        <translation>תזכורות ({count})</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>יציאה</translation>
    </message>
    <message>
        <source>Import contacts</source>
        <translation>ייבוא אנשי קשר</translation>
    </message>
    <message>
        <source>Contacts (*.vcf *.vcard *.csv);;All files (*)</source>
        <translation>אנשי קשר (*.vcf *.vcard *.csv);;כל הקבצים (*)</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Something went wrong ({code}).</source>
        <translation>משהו השתבש ({code}).</translation>
    </message>
    <message>
        <source>“{address}” is not a valid e-mail address.</source>
        <translation>&quot;{address}&quot; אינה כתובת דוא״ל תקינה.</translation>
    </message>
    <message>
        <source>“{number}” is not a phone number.</source>
        <translation>&quot;{number}&quot; אינו מספר טלפון.</translation>
    </message>
    <message>
        <source>Give the contact a name, an organisation, an e-mail or a phone.</source>
        <translation>יש להזין לאיש הקשר שם, ארגון, דוא״ל או טלפון.</translation>
    </message>
    <message>
        <source>This is too long: at most {limit} characters.</source>
        <translation>הטקסט ארוך מדי: עד {limit} תווים.</translation>
    </message>
    <message>
        <source>This contact no longer exists.</source>
        <translation>איש הקשר הזה כבר לא קיים.</translation>
    </message>
    <message>
        <source>This activity no longer exists.</source>
        <translation>הפעילות הזו כבר לא קיימת.</translation>
    </message>
    <message>
        <source>There is no tag named “{name}”.</source>
        <translation>אין תגית בשם &quot;{name}&quot;.</translation>
    </message>
    <message>
        <source>The end must be after the start.</source>
        <translation>מועד הסיום חייב להיות אחרי מועד ההתחלה.</translation>
    </message>
    <message>
        <source>The start date must be in the years {first} to {last}.</source>
        <translation>תאריך ההתחלה חייב להיות בין השנים {first} ל־{last}.</translation>
    </message>
    <message>
        <source>The end date must be in the years {first} to {last}.</source>
        <translation>תאריך הסיום חייב להיות בין השנים {first} ל־{last}.</translation>
    </message>
    <message>
        <source>The due date must be in the years {first} to {last}.</source>
        <translation>תאריך היעד חייב להיות בין השנים {first} ל־{last}.</translation>
    </message>
    <message>
        <source>A task needs a title.</source>
        <translation>יש להזין כותרת למשימה.</translation>
    </message>
    <message>
        <source>Choose at least one person responsible for the task.</source>
        <translation>יש לבחור לפחות אחראי אחד למשימה.</translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation>זהו שדה חובה.</translation>
    </message>
    <message>
        <source>The duration cannot be negative.</source>
        <translation>משך הזמן לא יכול להיות שלילי.</translation>
    </message>
    <message>
        <source>One of the participants is not known.</source>
        <translation>אחד המשתתפים אינו מוכר.</translation>
    </message>
    <message>
        <source>A reminder can be at most 60 days before.</source>
        <translation>אפשר להגדיר תזכורת עד 60 יום מראש.</translation>
    </message>
    <message>
        <source>A logged e-mail cannot be changed.</source>
        <translation>לא ניתן לשנות דוא״ל שתועד.</translation>
    </message>
    <message>
        <source>The kind of an activity cannot be changed.</source>
        <translation>לא ניתן לשנות את סוג הפעילות.</translation>
    </message>
    <message>
        <source>A user needs a name.</source>
        <translation>יש להזין שם למשתמש.</translation>
    </message>
    <message>
        <source>“{email}” is already the address of the user “{name}”.</source>
        <translation>&quot;{email}&quot; היא כבר הכתובת של המשתמש &quot;{name}&quot;.</translation>
    </message>
    <message>
        <source>“{text}” is not a date; write it as day/month/year.</source>
        <translation>&quot;{text}&quot; אינו תאריך; יש לכתוב אותו בתבנית יום/חודש/שנה.</translation>
    </message>
    <message>
        <source>Mail is not set up, so the invitation cannot be sent. Set up the mail server in File &gt; Settings.</source>
        <translation>הדואר לא הוגדר, ולכן אי אפשר לשלוח את ההזמנה. יש להגדיר שרת דואר בקובץ &gt; הגדרות.</translation>
    </message>
    <message>
        <source>“{text}” is not a time; write it as hours:minutes.</source>
        <translation>&quot;{text}&quot; אינה שעה; יש לכתוב אותה בתבנית שעות:דקות.</translation>
    </message>
    <message>
        <source>Your contacts file was written by a newer version of Kesher. Install the newest version to open it; the file was not changed.</source>
        <translation>קובץ אנשי הקשר נכתב בגרסה חדשה יותר של התוכנה. יש להתקין את הגרסה העדכנית כדי לפתוח אותו; הקובץ לא שונה.</translation>
    </message>
    <message>
        <source>Cannot open or create the contacts file {path}: {reason}</source>
        <translation>לא ניתן לפתוח או ליצור את קובץ אנשי הקשר {path}: {reason}</translation>
    </message>
    <message>
        <source>Cannot open the contacts file.</source>
        <translation>לא ניתן לפתוח את קובץ אנשי הקשר.</translation>
    </message>
</context>
<context>
    <name>NewContactDialog</name>
    <message>
        <source>New contact</source>
        <translation>איש קשר חדש</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>שם פרטי</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>שם משפחה</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>ארגון</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>טלפון נייד</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>דוא״ל</translation>
    </message>
</context>
<context>
    <name>NoContactsPage</name>
    <message>
        <source>No contacts yet</source>
        <translation>עדיין אין אנשי קשר</translation>
    </message>
    <message>
        <source>Import your contacts from a vCard or CSV file ({where}), or add a new contact.</source>
        <translation>אפשר לייבא את אנשי הקשר שלך מקובץ vCard או CSV ({where}), או להוסיף איש קשר חדש.</translation>
    </message>
</context>
<context>
    <name>PeopleEditor</name>
    <message>
        <source>Add a user…</source>
        <translation>הוספת משתמש…</translation>
    </message>
    <message>
        <source>Add a user or a contact…</source>
        <translation>הוספת משתמש או איש קשר…</translation>
    </message>
    <message>
        <source>{name} (me)</source>
        <translation>{name} (אני)</translation>
    </message>
</context>
<context>
    <name>ReminderList</name>
    <message>
        <source>{duration} late</source>
        <translation>באיחור של {duration}</translation>
    </message>
    <message>
        <source>snoozed</source>
        <translation>נדחתה</translation>
    </message>
    <message>
        <source>Reminder: {title}</source>
        <translation>תזכורת: {title}</translation>
    </message>
    <message>
        <source>{count} reminders</source>
        <translation>{count} תזכורות</translation>
    </message>
    <message>
        <source>and one more</source>
        <translation>ועוד אחת</translation>
    </message>
    <message>
        <source>and {count} more</source>
        <translation>ועוד {count}</translation>
    </message>
    <message>
        <source>{title} ({contact})</source>
        <translation>{title} ({contact})</translation>
    </message>
</context>
<context>
    <name>ReminderMail</name>
    <message>
        <source>Reminder: {what} ({when})</source>
        <translation>תזכורת: {what} ({when})</translation>
    </message>
    <message>
        <source>Meeting with {contact}</source>
        <translation>פגישה עם {contact}</translation>
    </message>
    <message>
        <source>Call with {contact}</source>
        <translation>שיחה עם {contact}</translation>
    </message>
    <message>
        <source>Task for {contact}</source>
        <translation>משימה עבור {contact}</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>איש קשר</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>באחריות</translation>
    </message>
    <message>
        <source>With</source>
        <translation>עם מי</translation>
    </message>
    <message>
        <source>Meeting organised by {organizer}</source>
        <translation>פגישה בארגון {organizer}</translation>
    </message>
    <message>
        <source>Call organised by {organizer}</source>
        <translation>שיחה בארגון {organizer}</translation>
    </message>
    <message>
        <source>Task set by {organizer}</source>
        <translation>משימה מאת {organizer}</translation>
    </message>
    <message>
        <source>{title} — {organised}</source>
        <translation>{title} — {organised}</translation>
    </message>
    <message>
        <source>What</source>
        <translation>מה</translation>
    </message>
    <message>
        <source>When</source>
        <translation>מתי</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>איפה</translation>
    </message>
    <message>
        <source>This reminder is {duration} late: the app was closed or the computer asleep when it was due.</source>
        <translation>התזכורת מגיעה באיחור של {duration}: התוכנה הייתה סגורה או שהמחשב היה במצב שינה כשהגיע מועדה.</translation>
    </message>
    <message>
        <source>You snoozed this reminder earlier.</source>
        <translation>התזכורת נדחתה קודם לכן.</translation>
    </message>
    <message>
        <source>{day}, {time} ({zone})</source>
        <translation>{day}, {time} ({zone})</translation>
    </message>
    <message>
        <source>{day}, {time}</source>
        <translation>{day}, {time}</translation>
    </message>
    <message>
        <source>{start} until {end}</source>
        <translation>{start} עד {end}</translation>
    </message>
    <message>
        <source>Sent by Kesher Desktop.</source>
        <translation>נשלח מתוכנת קשר.</translation>
    </message>
</context>
<context>
    <name>ReminderRow</name>
    <message>
        <source>At the time</source>
        <translation>בזמן האירוע</translation>
    </message>
    <message>
        <source>5 minutes before</source>
        <translation>5 דקות לפני</translation>
    </message>
    <message>
        <source>15 minutes before</source>
        <translation>15 דקות לפני</translation>
    </message>
    <message>
        <source>30 minutes before</source>
        <translation>30 דקות לפני</translation>
    </message>
    <message>
        <source>1 hour before</source>
        <translation>שעה לפני</translation>
    </message>
    <message>
        <source>2 hours before</source>
        <translation>שעתיים לפני</translation>
    </message>
    <message>
        <source>1 day before</source>
        <translation>יום לפני</translation>
    </message>
    <message>
        <source>2 days before</source>
        <translation>יומיים לפני</translation>
    </message>
    <message>
        <source>1 week before</source>
        <translation>שבוע לפני</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>מותאם אישית…</translation>
    </message>
    <message>
        <source>minutes before</source>
        <translation>דקות לפני</translation>
    </message>
    <message>
        <source>hours before</source>
        <translation>שעות לפני</translation>
    </message>
    <message>
        <source>days before</source>
        <translation>ימים לפני</translation>
    </message>
    <message>
        <source>weeks before</source>
        <translation>שבועות לפני</translation>
    </message>
    <message>
        <source>Also notify the other participants</source>
        <translation>שליחת התראה גם לשאר המשתתפים</translation>
    </message>
    <message>
        <source>Remove this reminder</source>
        <translation>הסרת התזכורת</translation>
    </message>
</context>
<context>
    <name>RemindersEditor</name>
    <message>
        <source>+ Add a reminder</source>
        <translation>+ הוספת תזכורת</translation>
    </message>
</context>
<context>
    <name>RemindersPanel</name>
    <message>
        <source>Reminders</source>
        <translation>תזכורות</translation>
    </message>
    <message>
        <source>No reminders waiting.</source>
        <translation>אין תזכורות ממתינות.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>פתיחה</translation>
    </message>
    <message>
        <source>Snooze ▾</source>
        <translation>דחייה ▾</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>סימון כבוצע</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>התעלמות</translation>
    </message>
    <message>
        <source>Dismiss all</source>
        <translation>התעלמות מכולן</translation>
    </message>
    <message>
        <source>5 minutes</source>
        <translation>5 דקות</translation>
    </message>
    <message>
        <source>15 minutes</source>
        <translation>15 דקות</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>שעה</translation>
    </message>
    <message>
        <source>Tomorrow morning</source>
        <translation>מחר בבוקר</translation>
    </message>
    <message>
        <source>Reminders ({count})</source>
        <translation>תזכורות ({count})</translation>
    </message>
</context>
<context>
    <name>ReviewList</name>
    <message>
        <source>No recipient is a contact</source>
        <translation>אף נמען אינו איש קשר</translation>
    </message>
    <message>
        <source>⚠ Forged tracking tag</source>
        <translation>⚠ תג מעקב מזויף</translation>
    </message>
    <message>
        <source>Its contact no longer exists</source>
        <translation>איש הקשר שלה כבר לא קיים</translation>
    </message>
    <message>
        <source>It has no tracking tag and none of its recipients is a contact.</source>
        <translation>אין לה תג מעקב, ואף אחד מהנמענים שלה אינו איש קשר.</translation>
    </message>
    <message>
        <source>Its tracking tag was not made by Kesher: someone may be trying to put mail on a contact. Assign it only if you know the message.</source>
        <translation>תג המעקב שלה לא נוצר בקשר: ייתכן שמישהו מנסה לרשום דואר על איש קשר. יש לשייך אותה רק אם ההודעה מוכרת לך.</translation>
    </message>
    <message>
        <source>Its tag names a contact that was deleted since.</source>
        <translation>התג שלה מציין איש קשר שנמחק מאז.</translation>
    </message>
    <message>
        <source>To</source>
        <translation>אל</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>נושא</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>נשלחה</translation>
    </message>
    <message>
        <source>Why it waits</source>
        <translation>למה היא ממתינה</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(ללא נושא)</translation>
    </message>
    <message>
        <source>Mail to review</source>
        <translation>דואר לבדיקה</translation>
    </message>
    <message>
        <source>These messages reached the tracking mailbox but could not be logged on a contact by themselves. Choose a message and a contact, then Assign; or Discard what does not belong in Kesher.</source>
        <translation>ההודעות האלה הגיעו לתיבת המעקב, אבל לא היה אפשר לרשום אותן על איש קשר מעצמן. יש לבחור הודעה ואיש קשר וללחוץ על שיוך, או להשליך את מה שלא שייך לקשר.</translation>
    </message>
    <message>
        <source>No mail waits for review.</source>
        <translation>אין דואר שממתין לבדיקה.</translation>
    </message>
    <message>
        <source>Log the chosen message on:</source>
        <translation>רישום ההודעה שנבחרה על:</translation>
    </message>
    <message>
        <source>Search a contact by name</source>
        <translation>חיפוש איש קשר לפי שם</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>שיוך</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>השלכה</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>סגירה</translation>
    </message>
</context>
<context>
    <name>SamePersonQuestion</name>
    <message>
        <source>Already in your contacts?</source>
        <translation>כבר באנשי הקשר שלך?</translation>
    </message>
    <message>
        <source>If it is the same person, open the existing contact instead of creating a second one.</source>
        <translation>אם זה אותו אדם, כדאי לפתוח את איש הקשר הקיים במקום ליצור אותו פעם שנייה.</translation>
    </message>
    <message>
        <source>Open {name}</source>
        <translation>פתיחת {name}</translation>
    </message>
    <message>
        <source>Create anyway</source>
        <translation>יצירה בכל זאת</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>חזרה</translation>
    </message>
    <message>
        <source>{name} is already in your contacts with the e-mail address {email} and the phone number {phone}.</source>
        <translation>{name} כבר באנשי הקשר שלך, עם כתובת הדוא״ל {email} ומספר הטלפון {phone}.</translation>
    </message>
    <message>
        <source>{name} is already in your contacts with the e-mail address {email}.</source>
        <translation>{name} כבר באנשי הקשר שלך, עם כתובת הדוא״ל {email}.</translation>
    </message>
    <message>
        <source>{name} is already in your contacts with the phone number {phone}.</source>
        <translation>{name} כבר באנשי הקשר שלך, עם מספר הטלפון {phone}.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>A server&apos;s name has no spaces, e.g. smtp.example.com.</source>
        <translation>בשם של שרת אין רווחים, למשל smtp.example.com.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>הגדרות</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>שפה</translation>
    </message>
    <message>
        <source>Start Kesher when I log in</source>
        <translation>להפעיל את קשר בכניסה למחשב</translation>
    </message>
    <message>
        <source>Empty: the address mail is sent from</source>
        <translation>ריק: הכתובת שממנה נשלח הדואר</translation>
    </message>
    <message>
        <source>Invitations name you at this address as their organiser, and your contacts&apos; answers go to it.</source>
        <translation>ההזמנות מציינות אותך בכתובת הזו כמארגן/ת, ותשובות אנשי הקשר נשלחות אליה.</translation>
    </message>
    <message>
        <source>Could not change starting at login: {reason}</source>
        <translation>לא ניתן לשנות את ההפעלה בכניסה: {reason}</translation>
    </message>
</context>
<context>
    <name>SyncLogModel</name>
    <message>
        <source>When</source>
        <translation>מתי</translation>
    </message>
    <message>
        <source>What</source>
        <translation>מה</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>פעילות</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>פרטים</translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation>(נמחקה)</translation>
    </message>
    <message>
        <source>Changed: {fields}</source>
        <translation>שונו: {fields}</translation>
    </message>
</context>
<context>
    <name>SyncLogWindow</name>
    <message>
        <source>Google Calendar sync log</source>
        <translation>יומן הסנכרון עם Google Calendar</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>רענון</translation>
    </message>
    <message>
        <source>Nothing has been synced yet.</source>
        <translation>עדיין לא סונכרן דבר.</translation>
    </message>
    <message>
        <source>No Google client file is set. Choose one in Settings.</source>
        <translation>לא הוגדר קובץ לקוח של Google. אפשר לבחור אחד בהגדרות.</translation>
    </message>
    <message>
        <source>Google no longer accepts Kesher&apos;s access; changes wait here.</source>
        <translation>Google כבר לא מאשרת את הגישה של קשר; השינויים ממתינים כאן.</translation>
    </message>
    <message>
        <source>Reconnect…</source>
        <translation>התחברות מחדש…</translation>
    </message>
    <message>
        <source>Not connected to Google; changes wait here until you connect.</source>
        <translation>אין חיבור ל־Google; השינויים ממתינים כאן עד להתחברות.</translation>
    </message>
    <message>
        <source>Connect…</source>
        <translation>חיבור…</translation>
    </message>
    <message>
        <source>Halted: Google&apos;s daily allowance of calls is used up. Syncing starts again by itself at {time}.</source>
        <translation>הסנכרון הופסק: מכסת הפניות היומית ל־Google נוצלה. הסנכרון יתחדש מעצמו ב־{time}.</translation>
    </message>
    <message>
        <source>Halted: {reason}</source>
        <translation>הסנכרון הופסק: {reason}</translation>
    </message>
    <message>
        <source>Connected as {account}.</source>
        <translation>מחובר בתור {account}.</translation>
    </message>
    <message>
        <source>Connected.</source>
        <translation>מחובר.</translation>
    </message>
</context>
<context>
    <name>TagEditor</name>
    <message>
        <source>Add a tag and press Enter</source>
        <translation>יש להקליד תגית וללחוץ Enter</translation>
    </message>
</context>
<context>
    <name>Tracking</name>
    <message>
        <source>Sent mail not checked: {reason}</source>
        <translation>הדואר שנשלח לא נבדק: {reason}</translation>
    </message>
    <message>
        <source>Checking sent mail…</source>
        <translation>בודק את הדואר שנשלח…</translation>
    </message>
    <message>
        <source>Sent mail checked: {logged} logged, {review} to review.</source>
        <translation>הדואר שנשלח נבדק: נרשמו {logged}, לבדיקה {review}.</translation>
    </message>
    <message>
        <source>Sent mail could not be checked. {reason}</source>
        <translation>לא היה אפשר לבדוק את הדואר שנשלח. {reason}</translation>
    </message>
</context>
<context>
    <name>TrackingSection</name>
    <message>
        <source>Sent-mail tracking</source>
        <translation>מעקב אחר דואר שנשלח</translation>
    </message>
    <message>
        <source>Mail you write to a contact from Kesher gets this mailbox in Bcc; Kesher reads it and logs the mail on the contact.</source>
        <translation>דואר שכותבים לאיש קשר מתוך קשר נשלח גם לתיבה הזו בעותק מוסתר (Bcc); קשר קורא אותה ורושם את הדואר על איש הקשר.</translation>
    </message>
    <message>
        <source>Tracking address</source>
        <translation>כתובת המעקב</translation>
    </message>
    <message>
        <source>Mail server (IMAP)</source>
        <translation>שרת דואר (IMAP)</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>פורט</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>אבטחה</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>שם משתמש</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>סיסמה</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>SSL/TLS</source>
        <translation>SSL/TLS</translation>
    </message>
    <message>
        <source>None (not encrypted)</source>
        <translation>ללא (לא מוצפן)</translation>
    </message>
    <message>
        <source>e.g. track@example.com; empty: no tracking</source>
        <translation>לדוגמה track@example.com; ריק: בלי מעקב</translation>
    </message>
    <message>
        <source>e.g. imap.gmail.com</source>
        <translation>לדוגמה imap.gmail.com</translation>
    </message>
    <message>
        <source>Empty: the tracking address</source>
        <translation>ריק: כתובת המעקב</translation>
    </message>
    <message>
        <source>saved</source>
        <translation>שמורה</translation>
    </message>
    <message>
        <source>The port is a number from 1 to 65535, usually 993 or 143.</source>
        <translation>הפורט הוא מספר בין 1 ל־65535, בדרך כלל 993 או 143.</translation>
    </message>
    <message>
        <source>Name the server that holds this mailbox.</source>
        <translation>יש לציין את השרת שבו נמצאת התיבה הזו.</translation>
    </message>
    <message>
        <source>Give the mailbox&apos;s address, or leave the server empty too.</source>
        <translation>יש לציין את כתובת התיבה, או להשאיר ריק גם את השרת.</translation>
    </message>
    <message>
        <source>This computer has no keyring to keep the password safely, so it cannot be saved. Install or unlock your system&apos;s keyring (for example GNOME Keyring or KWallet), then open Settings again.</source>
        <translation>במחשב הזה אין מחזיק מפתחות (keyring) לשמירת הסיסמה בבטחה, ולכן אי אפשר לשמור אותה. יש להתקין או לפתוח את מחזיק המפתחות של המערכת (למשל GNOME Keyring או KWallet), ואז לפתוח שוב את ההגדרות.</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Open Kesher</source>
        <translation>פתיחת קשר</translation>
    </message>
    <message>
        <source>New task…</source>
        <translation>משימה חדשה…</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>תזכורות</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>יציאה</translation>
    </message>
    <message>
        <source>Kesher</source>
        <translation>קשר</translation>
    </message>
</context>
<context>
    <name>UndoBar</name>
    <message>
        <source>Undo</source>
        <translation>ביטול הפעולה</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>סגירה</translation>
    </message>
</context>
<context>
    <name>UsersEditor</name>
    <message>
        <source>Your name</source>
        <translation>השם שלך</translation>
    </message>
    <message>
        <source>Your e-mail</source>
        <translation>הדוא״ל שלך</translation>
    </message>
    <message>
        <source>Other users, who can take part in activities</source>
        <translation>משתמשים נוספים, שיכולים להשתתף בפעילויות</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>שם</translation>
    </message>
    <message>
        <source>E-mail (optional)</source>
        <translation>דוא״ל (לא חובה)</translation>
    </message>
    <message>
        <source>Add user</source>
        <translation>הוספת משתמש</translation>
    </message>
</context>
</TS>
